import { useFormatter } from "next-intl";
import { useId, type ReactNode } from "react";

/** One number with its name; when it is zero, a sentence about what will appear here instead. */
export function StatCard(props: { label: string; value: number; detail?: ReactNode; emptyText?: string }) {
  const id = useId();
  const format = useFormatter();
  const note = props.value === 0 && props.emptyText ? props.emptyText : props.detail;
  return (
    <section className="stat-card" aria-labelledby={id}>
      <h3 id={id} className="stat-label">
        {props.label}
      </h3>
      <p className="stat-value">{format.number(props.value)}</p>
      {note && <p className="stat-note">{note}</p>}
    </section>
  );
}
