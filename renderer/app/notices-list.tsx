import { useNoticeStore } from '../store/notice-store';
import { ModalDialog } from './modal-dialog';

const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Every notice since the app started, newest first, whole: nothing the status bar cut short is lost. */
export function NoticesList() {
  const history = useNoticeStore((state) => state.history);
  const clearHistory = useNoticeStore((state) => state.clearHistory);
  return (
    <ModalDialog dialog="notices" title="Notices" className="notices-list">
      <h2>Notices</h2>
      {history.length === 0 ? (
        <p>Nothing to tell.</p>
      ) : (
        <ol className="notices-list__items">
          {history.map((notice) => (
            <li key={notice.id} className={`notices-list__item notice--${notice.tone}`}>
              <time dateTime={notice.shownAt.toISOString()}>{TIME.format(notice.shownAt)}</time>
              <p>{notice.text}</p>
              {notice.details && (
                <ul>
                  {notice.details.map((detail) => (
                    <li key={detail}>{detail}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      <button type="button" onClick={clearHistory} disabled={history.length === 0}>
        Clear
      </button>
    </ModalDialog>
  );
}
