import { useTranslations } from "next-intl";
import { describeActor } from "@/lib/audit/actor-label";

/** An audit entry's actor in words ("Command line: npm run evaluate (by root)"); `showRaw` adds the stored label for admins. */
export function ActorName({
  actorRole,
  actorLabel,
  showRaw = false,
}: {
  actorRole: string;
  actorLabel: string;
  showRaw?: boolean;
}) {
  const t = useTranslations("actors");
  const actor = describeActor({ actorRole, actorLabel });
  const words = (() => {
    switch (actor.kind) {
      case "person":
        return actor.email;
      case "scheduler":
        return t("scheduler");
      case "command":
        return actor.osUser
          ? t("command", { command: actor.command, osUser: actor.osUser })
          : t("commandNoUser", { command: actor.command });
      case "api-key":
        return t("apiKey", { name: actor.name });
      case "system":
        return t("system");
    }
  })();
  return (
    <>
      {words}
      {showRaw && actor.kind !== "person" && (
        <>
          {" "}
          <code className="muted">{actorLabel}</code>
        </>
      )}
    </>
  );
}
