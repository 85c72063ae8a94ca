import { useShallow } from 'zustand/react/shallow';
import { ProblemCounts } from '../governance/problem-counts';
import { useDocumentStore } from '../store/document-store';
import { useNoticeStore } from '../store/notice-store';

export function StatusBar() {
  const counts = useDocumentStore(
    useShallow((state) => ({
      domains: state.mesh?.domains.length ?? 0,
      products: state.mesh?.products.length ?? 0,
      systems: state.mesh?.systems.length ?? 0,
      links: state.mesh?.links.length ?? 0,
    })),
  );
  const notice = useNoticeStore((state) => state.notice);
  const dismiss = useNoticeStore((state) => state.dismiss);
  return (
    <footer className="status-bar">
      <span data-testid="counts">
        {counts.domains} domains · {counts.products} products · {counts.systems} systems · {counts.links} links
      </span>
      <ProblemCounts />
      {notice && (
        <div className={`notice notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          <span>{notice.text}</span>
          {notice.details && (
            <ul className="notice__details">
              {notice.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          )}
          {notice.actions?.map((action) => (
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
      )}
    </footer>
  );
}
