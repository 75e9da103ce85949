import { NavLink } from 'react-router';
import { useUnreadCount } from '../hooks/notifications';

/** The header's bell: the unread count on every page, a link to the list. */
export function NotificationBell() {
  const unread = useUnreadCount(true).data?.count ?? 0;
  const label = unread > 0 ? `Notifications, ${unread} unread` : 'Notifications';
  return (
    <NavLink to="/notifications" className="header-bell" aria-label={label} title={label}>
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path
          d="M12 2a6 6 0 0 0-6 6v3.6l-1.7 3.4A1 1 0 0 0 5.2 16.5h13.6a1 1 0 0 0 .9-1.5L18 11.6V8a6 6 0 0 0-6-6Zm0 20a3 3 0 0 0 2.8-2h-5.6A3 3 0 0 0 12 22Z"
          fill="currentColor"
        />
      </svg>
      {unread > 0 && (
        <span className="bell-count" aria-hidden="true" key={unread}>
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </NavLink>
  );
}
