import Link from "next/link";
import { Field, fieldProps } from "@/app/_components/field";

/** A list filter's drop-down, submitted with the filter form (GET). */
type SelectOption = { value: string; label: string };

/** A select of options, some of them in labelled groups (`<optgroup>`). */
export function SelectFilter(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  options: readonly (SelectOption | { group: string; options: readonly SelectOption[] })[];
}) {
  const option = ({ value, label }: SelectOption) => (
    <option key={value} value={value}>
      {label}
    </option>
  );
  return (
    <Field id={props.id} label={props.label}>
      <select {...fieldProps(props.id)} name={props.name} defaultValue={props.value}>
        {props.options.map((entry) =>
          "group" in entry ? (
            <optgroup key={entry.group} label={entry.group}>
              {entry.options.map(option)}
            </optgroup>
          ) : (
            option(entry)
          ),
        )}
      </select>
    </Field>
  );
}

/** Apply, and — when anything is filtered — a link back to the unfiltered list. */
export function FilterActions(props: { applyLabel: string; clearLabel: string; clearHref: string; isFiltered: boolean }) {
  return (
    <div className="filter-actions">
      <button type="submit" className="button">
        {props.applyLabel}
      </button>
      {props.isFiltered && (
        <Link href={props.clearHref} className="button button-quiet">
          {props.clearLabel}
        </Link>
      )}
    </div>
  );
}
