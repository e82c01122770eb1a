"use client";

/** Opens the browser's print dialog; the print stylesheet leaves only the statement itself. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="button button-quiet no-print" onClick={() => window.print()}>
      {label}
    </button>
  );
}
