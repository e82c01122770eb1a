import type { ReactNode } from "react";

/**
 * A dialog beside a row of a list (manage a user, revoke a key), as the browser's own popover:
 * keyboard, Escape and focus handling included, and the table stays readable. The opening button
 * names the row for screen readers ("Manage: ana@example.com").
 */
export function PopoverDialog(props: {
  id: string;
  openLabel: string;
  /** What the row is, read out after the opening button's label. */
  subject: string;
  title: string;
  closeLabel: string;
  children: ReactNode;
}) {
  const titleId = `${props.id}-title`;
  return (
    <>
      <button type="button" className="button button-quiet button-small" popoverTarget={props.id}>
        {props.openLabel}
        <span className="visually-hidden"> {props.subject}</span>
      </button>
      <div id={props.id} popover="auto" className="manage-panel" role="dialog" aria-labelledby={titleId}>
        <div className="manage-title">
          <h2 id={titleId}>{props.title}</h2>
          <button type="button" className="button button-quiet button-small" popoverTarget={props.id} popoverTargetAction="hide">
            {props.closeLabel}
          </button>
        </div>
        {props.children}
      </div>
    </>
  );
}
