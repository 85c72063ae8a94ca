import { useShallow } from 'zustand/react/shallow';
import { countedElements } from '../../shared/editing/element-count';
import { elementCountsOf } from '../../shared/model';
import { ProblemCounts } from '../governance/problem-counts';
import { useDocumentStore } from '../store/document-store';
import { type ListedNotice, useNoticeStore } from '../store/notice-store';
import { useUiStore } from '../store/ui-store';

export function StatusBar() {
  const counts = useDocumentStore(useShallow((state) => elementCountsOf(state.mesh ?? {})));
  const notice = useNoticeStore((state) => state.notice);
  const noticeCount = useNoticeStore((state) => state.history.length);
  return (
    <footer className="status-bar">
      <span className="status-bar__counts" data-testid="counts">
        {countedElements(counts)}
      </span>
      <ProblemCounts />
      <div className="status-bar__end">
        {notice && <CurrentNotice notice={notice} />}
        {noticeCount > 0 && (
          <button
            type="button"
            className="status-bar__notices"
            onClick={() => useUiStore.getState().openDialog('notices')}
            title="Everything the app told you since it started"
          >
            Notices ({noticeCount})
          </button>
        )}
      </div>
    </footer>
  );
}

/** The latest notice; a long one shows whole on hover and stays in the notices list. */
function CurrentNotice({ notice }: { notice: ListedNotice }) {
  const dismiss = useNoticeStore((state) => state.dismiss);
  const mesh = useDocumentStore((state) => state.mesh);
  const actions = notice.actions?.filter((action) => action.appliesTo?.(mesh) ?? true);
  return (
    <div className={`notice notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      <div className="notice__body">
        <span className="notice__text" title={[notice.text, ...(notice.details ?? [])].join('\n')}>
          {notice.text}
        </span>
        {notice.details && (
          <ul className="notice__details">
            {notice.details.map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
          </ul>
        )}
      </div>
      {actions?.map((action) => (
        <button
          key={action.label}
          type="button"
          className="notice__action"
          onClick={() => {
            dismiss();
            action.run();
          }}
        >
          {action.label}
        </button>
      ))}
      <button type="button" className="notice__dismiss" onClick={dismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
