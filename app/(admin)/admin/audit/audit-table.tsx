"use client";

import Link from "next/link";
import { Fragment } from "react";

/**
 * One entry of the audit trail as the table shows it, every word already in the reader's language
 * (page.tsx): the page sends these rather than rendered rows, a fraction of the bytes.
 */
export type AuditTableRow = {
  seq: number;
  occurredAt: string;
  time: string;
  actor: {
    /** The user's name, or the actor in words (the scheduler, a command, an API key). */
    name: string;
    email: string | null;
    /** The stored label, for an actor that is not a person. */
    label: string | null;
    role: string;
  };
  action: { words: string; name: string };
  entity: { words: string; id: string | null; links: { href: string; text: string }[] };
  reason: string | null;
  /** The changed values by path; a value that was or became absent is null. */
  changes: { path: string; before: string | null; after: string | null }[];
  changesLabel: string;
};

export type AuditTableColumn = "seq" | "time" | "actor" | "action" | "entity" | "reason" | "changes";

export type AuditTableWords = {
  caption: string;
  columns: Record<AuditTableColumn, string>;
  noChanges: string;
  absent: string;
};

/** A value longer than this is shown by its start, the whole of it one click away. */
const SHORT_VALUE = 80;

export function AuditTable({ rows, words }: { rows: AuditTableRow[]; words: AuditTableWords }) {
  const value = (text: string | null) => {
    if (text === null) return <span className="muted">{words.absent}</span>;
    if (text.length <= SHORT_VALUE) return text;
    return (
      <details className="audit-value">
        <summary>{text.slice(0, SHORT_VALUE - 20)}…</summary>
        {text}
      </details>
    );
  };
  return (
    <div className="table-wrap section">
      <table className="table table-dense audit-table">
        <caption className="visually-hidden">{words.caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="cell-number">
              {words.columns.seq}
            </th>
            <th scope="col">{words.columns.time}</th>
            <th scope="col">{words.columns.actor}</th>
            <th scope="col">{words.columns.action}</th>
            <th scope="col">{words.columns.entity}</th>
            <th scope="col">{words.columns.reason}</th>
            <th scope="col">{words.columns.changes}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.seq}>
              <td className="cell-number">{row.seq}</td>
              <td className="cell-nowrap">
                <time dateTime={row.occurredAt}>{row.time}</time>
              </td>
              <td className="cell-wrap">
                <span className="cell-strong">{row.actor.name}</span>
                {row.actor.label !== null && (
                  <>
                    {" "}
                    <code className="muted">{row.actor.label}</code>
                  </>
                )}
                {row.actor.email !== null && (
                  <>
                    <br />
                    <span className="muted">{row.actor.email}</span>
                  </>
                )}{" "}
                <span className="role-badge role-badge-small">{row.actor.role}</span>
              </td>
              <td>
                {row.action.words}
                <br />
                <code className="muted">{row.action.name}</code>
              </td>
              <td className="cell-wrap">
                {row.entity.words}
                {row.entity.id !== null && (
                  <>
                    {" "}
                    <code className="muted">{row.entity.id}</code>
                  </>
                )}
                {row.entity.links.map((link) => (
                  <Fragment key={link.href}>
                    <br />
                    <Link href={link.href}>{link.text}</Link>
                  </Fragment>
                ))}
              </td>
              <td className="cell-wrap">{row.reason ?? <span className="muted">—</span>}</td>
              <td className="cell-wrap">
                {row.changes.length === 0 ? (
                  <span className="muted">{words.noChanges}</span>
                ) : (
                  <ul className="audit-changes" aria-label={row.changesLabel}>
                    {row.changes.map((change) => (
                      <li key={change.path}>
                        <code>{change.path}</code>: <del>{value(change.before)}</del> → <ins>{value(change.after)}</ins>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
