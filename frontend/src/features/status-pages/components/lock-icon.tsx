/** A padlock: a page only some visitors may see. */
export function LockIcon({ className }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        fillRule="evenodd"
        d="M10 2a4 4 0 0 0-4 4v2H5.5A1.5 1.5 0 0 0 4 9.5v7A1.5 1.5 0 0 0 5.5 18h9a1.5 1.5 0 0 0 1.5-1.5v-7A1.5 1.5 0 0 0 14.5 8H14V6a4 4 0 0 0-4-4Zm2.5 6V6a2.5 2.5 0 0 0-5 0v2h5Zm-7 1.5v7h9v-7h-9ZM10 11a1.25 1.25 0 0 1 .75 2.25V14.5a.75.75 0 0 1-1.5 0v-1.25A1.25 1.25 0 0 1 10 11Z"
      />
    </svg>
  );
}
