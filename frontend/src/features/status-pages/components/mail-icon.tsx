/** An envelope: subscribing to email updates. */
export function MailIcon({ className }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M3 5.5A1.5 1.5 0 0 1 4.5 4h11A1.5 1.5 0 0 1 17 5.5v9a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 3 14.5v-9Zm1.6.2 5.4 4.2 5.4-4.2H4.6Zm10.9 1.6-5.04 3.92a.75.75 0 0 1-.92 0L4.5 7.3v7.2h11V7.3Z"
      />
    </svg>
  );
}
