import type { ReactNode } from "react";

/**
 * The frame of a list: the empty message when there are no rows, else the table with a caption
 * for screen readers, its column headings and, with `actionsLabel`, an unlabelled actions column.
 * The rows are the page's own.
 */
export function ListTable(props: {
  isEmpty: boolean;
  empty: ReactNode;
  caption: string;
  headings: readonly string[];
  actionsLabel?: string;
  isDense?: boolean;
  children: ReactNode;
}) {
  if (props.isEmpty) return <p className="empty">{props.empty}</p>;
  return (
    <div className="table-wrap">
      <table className={props.isDense ? "table table-dense" : "table"}>
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.headings.map((heading) => (
              <th key={heading} scope="col">
                {heading}
              </th>
            ))}
            {props.actionsLabel !== undefined && (
              <th scope="col">
                <span className="visually-hidden">{props.actionsLabel}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
