import { getTranslations } from "next-intl/server";
import { Field, fieldProps } from "@/app/_components/field";
import { FilterActions, SelectFilter } from "@/app/_components/filter-controls";
import { AUDIT_ACTION_FAMILIES, actionsOfFamily } from "@/lib/audit/audit-actions";
import {
  AUDIT_ACTOR_ROLES,
  type AuditFilterError,
  type AuditFilterField,
  type AuditFilterInput,
} from "@/lib/audit/audit-filters";

/** The audit trail's filters (GET, so a filtered view is a link to share), each labelled, with its error. */
export async function AuditFilterForm(props: {
  action: string;
  values: AuditFilterInput;
  errors: Partial<Record<AuditFilterField, AuditFilterError>>;
  isFiltered: boolean;
  timeZone: string;
}) {
  const [t, tErrors, tRoles, tActions, tFamilies] = await Promise.all([
    getTranslations("audit.filters"),
    getTranslations("audit.filterErrors"),
    getTranslations("roles"),
    getTranslations("auditActions"),
    getTranslations("auditActionFamilies"),
  ]);
  const errorOf = (field: AuditFilterField) => {
    const error = props.errors[field];
    return error ? tErrors(error) : undefined;
  };
  const text = (field: "actor" | "seller" | "caseId", hint?: string, extra: { inputMode?: "numeric" } = {}) => {
    const id = `audit-${field}`;
    const error = errorOf(field);
    return (
      <Field id={id} label={t(field)} hint={hint} error={error}>
        <input
          {...fieldProps(id, { hint: Boolean(hint), error })}
          {...extra}
          name={field}
          defaultValue={props.values[field] ?? ""}
        />
      </Field>
    );
  };
  const date = (field: "from" | "to") => {
    const id = `audit-${field}`;
    const error = errorOf(field);
    return (
      <Field id={id} label={t(field)} error={error}>
        <input
          {...fieldProps(id, { hint: true, error })}
          aria-describedby={[`audit-dates-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ")}
          type="date"
          name={field}
          defaultValue={props.values[field] ?? ""}
        />
      </Field>
    );
  };
  const selectError = (field: "role" | "action") =>
    props.errors[field] ? (
      <p id={`audit-${field}-error`} className="field-error">
        {errorOf(field)}
      </p>
    ) : null;

  return (
    <form method="get" action={props.action} className="panel filter-form" role="search" aria-label={t("label")}>
      {text("actor", t("actorHint"))}
      <SelectFilter
        id="audit-role"
        name="role"
        label={t("role")}
        value={props.values.role ?? ""}
        options={[{ value: "", label: t("anyRole") }, ...AUDIT_ACTOR_ROLES.map((role) => ({ value: role, label: tRoles(role) }))]}
      />
      {selectError("role")}
      <SelectFilter
        id="audit-action"
        name="action"
        label={t("action")}
        value={props.values.action ?? ""}
        options={[
          { value: "", label: t("anyAction") },
          // Each family of actions in its group, headed by "All" of it (`case.*`).
          ...AUDIT_ACTION_FAMILIES.map((family) => ({ family, label: tFamilies(family) }))
            .sort((a, b) => a.label.localeCompare(b.label))
            .map(({ family, label }) => ({
              group: label,
              options: [
                { value: `${family}.*`, label: t("allOfFamily", { family: label }) },
                ...actionsOfFamily(family)
                  .map((action) => ({ value: action, label: tActions(action) }))
                  .sort((a, b) => a.label.localeCompare(b.label)),
              ],
            })),
        ]}
      />
      {selectError("action")}
      {text("seller", t("sellerHint"))}
      {text("caseId", undefined, { inputMode: "numeric" })}
      {date("from")}
      {date("to")}
      <p id="audit-dates-hint" className="field-hint">
        {t("datesHint", { timeZone: props.timeZone })}
      </p>
      <FilterActions applyLabel={t("apply")} clearLabel={t("clear")} clearHref={props.action} isFiltered={props.isFiltered} />
    </form>
  );
}
