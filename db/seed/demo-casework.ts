/**
 * The demo seller's work on their exclusion, done through the same lib functions the seller's and
 * the moderator's clicks run, on the days a real seller would have done it: every review's root
 * cause named as the buyer's words say, buyers contacted, several reviews resolved with the buyer
 * or answered publicly (a few still open, so the re-check has something to weigh), a first letter
 * the moderator asked to change, and the revised version waiting for the answer.
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db";
import type { RootCause } from "@/db/enums";
import { caseReviews, notifications, reviews, users, type Case } from "@/db/schema";
import { actorFromUser } from "@/lib/auth/actor";
import { answerLetter } from "@/lib/cases/answer-letter";
import { addDays } from "@/lib/cases/case-machine";
import { nameRootCause } from "@/lib/cases/name-root-cause";
import { recordReviewOutcome } from "@/lib/cases/record-review-outcome";
import { submitLetter } from "@/lib/letters/submit-letter";
import { markNotificationRead } from "@/lib/notifications/mark-notification-read";
import { DEMO_ACCOUNTS } from "./demo-accounts";
import { NEGATIVE_REVIEW_TEXTS, type ReviewCause } from "./texts";

/** The cause whose texts the review was written from; "other" for a text the seed did not write. */
function causeOf(text: string | null): RootCause {
  for (const [cause, texts] of Object.entries(NEGATIVE_REVIEW_TEXTS) as [ReviewCause, Record<string, readonly string[]>][]) {
    if (text && Object.values(texts).some((list) => list.includes(text))) return cause;
  }
  return "other";
}

const PUBLIC_REPLIES: Partial<Record<RootCause, string>> = {
  not_in_stock:
    "Вибачте, що замовлення скасували через відсутність товару. Ми перейшли на щогодинну синхронізацію залишків зі складом, тож такого більше не станеться. Гроші повернули повністю.",
  slow_or_no_contact:
    "Вибачте за довгу тишу. Тепер на повідомлення щодня відповідають двоє людей до 12:00, а замовлення підтверджуємо в той самий день. Напишіть нам, якщо питання ще відкрите.",
  no_reaction_to_order:
    "Нам прикро, що замовлення кілька днів стояло без руху. Ми змінили порядок роботи: кожне нове замовлення підтверджуємо протягом 4 робочих годин.",
  quality_of_goods:
    "Дякуємо, що написали. Ми перевірили цю партію і прибрали її з продажу; усі наступні вироби перевіряємо перед відправкою. Готові обміняти товар або повернути гроші.",
};
const GENERIC_REPLY =
  "Дякуємо за відгук і вибачте за незручності. Ми розібрались, що пішло не так, і змінили свою роботу, щоб це не повторилось. Напишіть нам — допоможемо.";
const AGREEMENTS = [
  "Зателефонували покупцеві, надіслали заміну за наш рахунок; покупець погодився оновити відгук.",
  "Повернули гроші повністю й вибачились; покупець пообіцяв видалити відгук.",
  "Домовились про обмін товару й компенсацію доставки; покупець змінив оцінку.",
  "Уточнили адресу, повторно відправили посилку експрес-доставкою; покупець задоволений.",
];

const LETTER_V1 = [
  {
    rootCause: "slow_or_no_contact" as const,
    problem: "Ми відповідали покупцям із запізненням у кілька днів.",
    solution: "Тепер ми намагаємося відповідати швидше і стежимо за повідомленнями.",
  },
  {
    rootCause: "not_in_stock" as const,
    problem: "Ми продавали товари, яких не було на складі.",
    solution: "Будемо уважніше перевіряти залишки перед тим, як підтверджувати замовлення.",
  },
];
const LETTER_V2 = [
  {
    rootCause: "slow_or_no_contact" as const,
    problem: "Покупці чекали на відповідь по 3–5 днів: повідомлення читала одна людина раз на кілька днів.",
    solution:
      "Двоє працівників щодня до 12:00 відповідають на всі нові повідомлення; у вихідні черговий перевіряє їх двічі на день. Середній час відповіді за останній тиждень — 3 години.",
  },
  {
    rootCause: "not_in_stock" as const,
    problem: "Залишки на сайті оновлювали вручну раз на тиждень, тому ми продавали товари, яких уже не було.",
    solution:
      "Залишки синхронізуються зі складом щогодини автоматично; товар із нульовим залишком ховається з каталогу. За 10 днів — жодного скасування через відсутність.",
  },
  {
    rootCause: "quality_of_goods" as const,
    problem:
      "Партію футболок пошили одинарним швом, і шви розходилися після першого прання; ми не перевіряли вироби перед відправкою.",
    solution:
      "Новий пошив — подвійним оверлоком; кожен виріб перевіряємо на розтяг шва й фотографуємо перед пакуванням. Браковану партію знято з продажу, покупцям запропоновано обмін.",
  },
];

async function demoUser(executor: Database, role: "moderator" | "seller") {
  const email = DEMO_ACCOUNTS.find((account) => account.role === role)!.email;
  const [user] = await executor.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`seed: the demo ${role} ${email} does not exist yet`);
  return user;
}

const HOUR_MS = 3_600_000;

/** Something the demo's past did at a moment: run in time order with the rest (db/seed/demo-history.ts). */
export type TimedStep = { at: Date; run: () => Promise<unknown> };

/**
 * The seller's and the moderator's work on the due case, as steps at their moments (its days 1–12),
 * to be run in time order with the weekly evaluations and triage: the audit trail then reads in the
 * order things happened, as a real one does.
 */
export async function planDemoCasework(executor: Database, theCase: Case): Promise<{ steps: TimedStep[]; lines: string[] }> {
  const seller = actorFromUser(await demoUser(executor, "seller"));
  const moderator = actorFromUser(await demoUser(executor, "moderator"));
  const day = (n: number, hour = 10) => new Date(addDays(theCase.excludedAt, n).getTime() + hour * HOUR_MS);
  const inScope = await executor
    .select({ reviewId: reviews.id, text: reviews.text })
    .from(caseReviews)
    .innerJoin(reviews, eq(reviews.id, caseReviews.reviewId))
    .where(eq(caseReviews.caseId, theCase.id))
    .orderBy(asc(reviews.postedAt), asc(reviews.id));
  const steps: TimedStep[] = [];
  // The seller reads what the inbox holds before acting on it: the exclusion's notice on day 1,
  // the moderator's answer to the first letter the morning after it came.
  const readInbox = (at: Date): TimedStep => ({
    at,
    run: async () => {
      const unread = await executor
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.caseId, theCase.id), isNull(notifications.readAt)));
      for (const notification of unread) await markNotificationRead({ actor: seller, notificationId: notification.id, now: at });
    },
  });
  steps.push(readInbox(day(1, 8)), readInbox(day(8, 8)));

  // Days 1–2: every review read and its cause named.
  for (const [index, review] of inScope.entries()) {
    const rootCause = causeOf(review.text);
    const at = day(1 + (index % 2), 9 + (index % 8));
    steps.push({
      at,
      run: () =>
        nameRootCause({
          actor: seller,
          input: {
            caseId: theCase.id,
            reviewId: review.reviewId,
            rootCause,
            rootCauseNote:
              rootCause === "other" ? "Покупець пише про кілька проблем одразу; головна — довга відповідь." : undefined,
          },
          now: at,
        }),
    });
  }

  // Days 3–9: most reviews resolved with the buyer or answered; the last three are still open.
  const worked = inScope.slice(0, Math.max(0, inScope.length - 3));
  let resolved = 0;
  let replied = 0;
  for (const [index, review] of worked.entries()) {
    const isResolved = index % 2 === 0;
    const at = day(3 + (index % 7), 11 + (index % 6));
    const outcome = () =>
      recordReviewOutcome({
        actor: seller,
        input: isResolved
          ? {
              caseId: theCase.id,
              reviewId: review.reviewId,
              outcome: "resolved_with_buyer",
              text: AGREEMENTS[index % AGREEMENTS.length]!,
              steps: ["contacted_buyer"],
            }
          : {
              caseId: theCase.id,
              reviewId: review.reviewId,
              outcome: "answered_publicly",
              text: PUBLIC_REPLIES[causeOf(review.text)] ?? GENERIC_REPLY,
              steps: ["contacted_buyer"],
            },
        now: at,
      });
    steps.push({ at, run: outcome });
    if (isResolved) resolved++;
    else replied++;
  }

  // The first letter (day 5), answered with changes asked for (day 7), and the revision (day 12) waiting.
  let firstLetterId: number | null = null;
  steps.push({
    at: day(5),
    run: async () => {
      const first = await submitLetter({
        actor: seller,
        input: { caseId: theCase.id, submitKey: randomUUID(), items: LETTER_V1 },
        now: day(5),
      });
      firstLetterId = first.letterId;
    },
  });
  steps.push({
    at: day(7, 15),
    run: () =>
      answerLetter({
        actor: moderator,
        input: {
          letterId: firstLetterId!,
          verdict: "changes_requested",
          message:
            "Дякуємо за лист. «Намагаємося відповідати швидше» — це намір, а не зміна: напишіть, хто відповідає, коли і як ви це перевіряєте. Так само із залишками: як саме вони тепер оновлюються?",
        },
        now: day(7, 15),
      }),
  });
  steps.push({
    at: day(12),
    run: () =>
      submitLetter({ actor: seller, input: { caseId: theCase.id, submitKey: randomUUID(), items: LETTER_V2 }, now: day(12) }),
  });

  return {
    steps,
    lines: [
      `the seller named ${inScope.length} root causes, resolved ${resolved} reviews with the buyer, answered ${replied} publicly`,
      "letter v1 answered with changes asked for; v2 waits for the moderator",
    ],
  };
}
