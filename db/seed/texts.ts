/**
 * What buyers and sellers write, in Ukrainian, Polish and English. Negative reviews are grouped by
 * the root cause an independent reader would name, so the seller's analysis has something to find.
 */
import type { ComplaintReason } from "../enums";
import type { RootCause } from "../schema";
import { chance, pickOne, type Rng } from "./random";
import type { Language } from "./types";

export type ReviewCause = Exclude<RootCause, "other">;
export type Texts = Record<Language, readonly string[]>;
export type { ComplaintReason };

const LANGUAGES: readonly Language[] = ["uk", "pl", "en"];
/** Most buyers write in the seller's language; some in another of the portal's languages. */
const OWN_LANGUAGE_SHARE = 0.8;

export function drawWriterLanguage(rng: Rng, sellerLanguage: Language): Language {
  return chance(rng, OWN_LANGUAGE_SHARE) ? sellerLanguage : pickOne(rng, LANGUAGES);
}

export function pickText(rng: Rng, texts: Texts, language: Language): string {
  return pickOne(rng, texts[language]);
}

export const NEGATIVE_REVIEW_TEXTS: Record<ReviewCause, Texts> = {
  not_in_stock: {
    uk: [
      "Замовила й оплатила, а через два дні написали, що товару немає в наявності. Навіщо тоді його показувати?",
      "На сторінці було «є в наявності», а замовлення скасували, бо товару немає на складі.",
      "Чекав тиждень, щоб дізнатися, що товару немає. Гроші повертали ще кілька днів.",
      "Скасували замовлення за день до свята — товару, мовляв, уже немає.",
    ],
    pl: [
      "Zamówiłam i zapłaciłam, a po dwóch dniach napisali, że towaru nie ma na stanie. Po co go wystawiać?",
      "W ofercie było „dostępny”, a zamówienie anulowano, bo produktu brak w magazynie.",
      "Czekałem tydzień tylko po to, żeby się dowiedzieć, że towaru nie ma. Zwrot pieniędzy trwał kolejne dni.",
      "Anulowali zamówienie dzień przed świętami — towaru podobno już nie ma.",
    ],
    en: [
      "Ordered and paid, and two days later they told me the item was out of stock. Why list it at all?",
      "The listing said in stock, but the seller cancelled my order because they didn't have it.",
      "Waited a week just to find out the item wasn't available. The refund took several more days.",
      "They cancelled the order the day before the holiday — apparently it was no longer in stock.",
    ],
  },
  price_changed: {
    uk: [
      "Після оформлення продавець повідомив, що ціна зросла, і попросив доплатити. Неприємно.",
      "Ціна на сайті одна, а після замовлення — зовсім інша. Так не роблять.",
      "Ціну підняли вже після оплати, а на мої питання відповіли, що «так склалося».",
      "У кошику одна ціна, а в рахунку — інша. Пояснень так і не дали.",
    ],
    pl: [
      "Po złożeniu zamówienia sprzedawca napisał, że cena wzrosła i trzeba dopłacić. Nieuczciwe.",
      "Cena w ofercie była inna niż ta, której zażądano po zamówieniu.",
      "Cenę podnieśli już po zapłacie, a na moje pytania odpisali, że „tak wyszło”.",
      "W koszyku jedna cena, na fakturze inna. Żadnych wyjaśnień.",
    ],
    en: [
      "After I ordered, the seller said the price had gone up and asked me to pay more.",
      "The listed price and the price they wanted after I ordered were different. Not fair.",
      "They raised the price after I had paid, and answered my questions with a shrug.",
      "One price in the basket, another on the invoice. No explanation given.",
    ],
  },
  no_reaction_to_order: {
    uk: [
      "Замовлення п'ять днів висіло без руху, ніхто не підтвердив і не відповів.",
      "Після оформлення — тиша. Жодного підтвердження, жодного дзвінка.",
      "Замовлення три дні висіло без підтвердження, довелося скасувати самій.",
      "Оплатив, а статус так і не змінився — ні відправки, ні відповіді.",
    ],
    pl: [
      "Zamówienie wisiało pięć dni bez żadnej reakcji sprzedawcy.",
      "Po złożeniu zamówienia cisza — brak potwierdzenia, brak kontaktu.",
      "Zamówienie wisiało trzy dni bez potwierdzenia, musiałam sama je anulować.",
      "Zapłaciłem, a status się nie zmienił — ani wysyłki, ani odpowiedzi.",
    ],
    en: [
      "My order sat there for five days with no confirmation and no reply.",
      "Placed the order and heard nothing. No confirmation, no update, nothing.",
      "The order sat unconfirmed for three days, so I cancelled it myself.",
      "Paid, and the status never changed — no shipping, no reply.",
    ],
  },
  slow_or_no_contact: {
    uk: [
      "Писала тричі в повідомленнях — відповіли лише через тиждень.",
      "Неможливо зв'язатися з продавцем: телефон не бере, на повідомлення не відповідає.",
      "Питав про розмір перед покупкою — відповіли через тиждень, коли вже було неактуально.",
      "Написала тричі щодо обміну, жодної відповіді. Телефон теж не беруть.",
    ],
    pl: [
      "Pisałam trzy razy, odpowiedź przyszła dopiero po tygodniu.",
      "Kontakt ze sprzedawcą praktycznie niemożliwy, wiadomości zostają bez odpowiedzi.",
      "Pytałem o rozmiar przed zakupem — odpowiedzieli po tygodniu, kiedy było już za późno.",
      "Pisałam trzy razy w sprawie wymiany, zero odpowiedzi. Telefonu też nie odbierają.",
    ],
    en: [
      "I messaged three times and only got an answer a week later.",
      "Impossible to reach the seller, messages go unanswered.",
      "Asked about the size before buying — they answered a week later, when it no longer mattered.",
      "Wrote three times about an exchange, no answer. They don't pick up the phone either.",
    ],
  },
  delivery_cost: {
    uk: [
      "Доставка коштувала майже як сам товар, а заздалегідь про це ніде не написано.",
      "Вартість доставки виявилася вдвічі більшою, ніж було зазначено.",
      "Доставка коштувала майже як сам товар, а на сторінці про це ні слова.",
      "Обіцяли безкоштовну доставку від 1000 грн, а все одно взяли гроші за пересилку.",
    ],
    pl: [
      "Wysyłka kosztowała prawie tyle co produkt, a nigdzie wcześniej tego nie podano.",
      "Dostawa okazała się dwa razy droższa niż w ofercie.",
      "Wysyłka kosztowała prawie tyle co sam produkt, a w ofercie nie było o tym ani słowa.",
      "Obiecali darmową dostawę od 200 zł, a i tak doliczyli koszt wysyłki.",
    ],
    en: [
      "Shipping cost almost as much as the item, and this wasn't shown upfront.",
      "Delivery turned out twice as expensive as stated in the listing.",
      "Shipping cost almost as much as the item, and the listing said nothing about it.",
      "Free delivery was promised over a set amount, and they still charged me for postage.",
    ],
  },
  description_or_photos_wrong: {
    uk: [
      "Товар зовсім не такий, як на фото: інший колір і розмір.",
      "Опис не відповідає дійсності, матеріал інший, ніж заявлено.",
      "На фото льон, а прийшла синтетика. Колір теж інший.",
      "Розмір у таблиці не відповідає дійсності — M виявився як XS.",
    ],
    pl: [
      "Produkt zupełnie inny niż na zdjęciach — inny kolor i rozmiar.",
      "Opis nie zgadza się z rzeczywistością, materiał jest inny niż podany.",
      "Na zdjęciu len, a przyszła syntetyka. Kolor też inny.",
      "Tabela rozmiarów nie zgadza się z rzeczywistością — M okazało się jak XS.",
    ],
    en: [
      "Nothing like the photos: different colour and a different size.",
      "The description is wrong, the material is not what was advertised.",
      "Linen in the photos, synthetic in the box. A different colour too.",
      "The size chart is wrong — the M fits like an XS.",
    ],
  },
  quality_of_goods: {
    uk: [
      "Якість жахлива: шов розійшовся після першого прання.",
      "Зламалося за два дні користування. Не рекомендую.",
      "Після другого прання тканина скаталася, виглядає як стара річ.",
      "Нитки стирчать звідусіль, один рукав коротший за інший.",
    ],
    pl: [
      "Jakość fatalna, szew puścił po pierwszym praniu.",
      "Zepsuło się po dwóch dniach używania. Nie polecam.",
      "Po drugim praniu materiał się zmechacił, wygląda jak stara rzecz.",
      "Nitki wystają zewsząd, jeden rękaw krótszy od drugiego.",
    ],
    en: [
      "Terrible quality, the seam came apart after the first wash.",
      "Broke after two days of use. Would not recommend.",
      "After the second wash the fabric pilled; it looks like an old thing now.",
      "Loose threads everywhere, and one sleeve is shorter than the other.",
    ],
  },
};

export const NEUTRAL_REVIEW_TEXTS: Texts = {
  uk: [
    "Нормально, але доставка могла бути швидшою.",
    "Товар відповідає ціні, нічого особливого.",
    "Загалом добре, хоча упаковка була пом'ята.",
  ],
  pl: [
    "W porządku, ale dostawa mogła być szybsza.",
    "Produkt adekwatny do ceny, bez rewelacji.",
    "Ogólnie ok, choć opakowanie było pogniecione.",
  ],
  en: [
    "It's fine, but delivery could have been faster.",
    "Does the job for the price, nothing special.",
    "Okay overall, although the packaging was crushed.",
  ],
};

export const POSITIVE_REVIEW_TEXTS: Texts = {
  uk: [
    "Все чудово: швидка доставка, товар як на фото. Дякую!",
    "Продавець швидко відповів на всі питання, рекомендую.",
    "Якісний товар, гарно запакований. Замовлятиму ще.",
    "Отримала вже наступного дня, дуже задоволена.",
  ],
  pl: [
    "Wszystko super: szybka wysyłka, produkt jak na zdjęciu. Dziękuję!",
    "Sprzedawca szybko odpowiadał na pytania, polecam.",
    "Solidny produkt, starannie zapakowany. Zamówię ponownie.",
    "Paczka dotarła już następnego dnia, jestem bardzo zadowolona.",
  ],
  en: [
    "Everything great: fast shipping, exactly as pictured. Thank you!",
    "The seller answered all my questions quickly. Recommended.",
    "Good quality and carefully packed. Will order again.",
    "Arrived the next day, very happy.",
  ],
};

/** A buyer raising the rating after the seller put things right. */
export const RESOLVED_REVIEW_TEXTS: Texts = {
  uk: [
    "Оновлення: продавець зв'язався зі мною і вирішив проблему. Дякую за підхід.",
    "Змінюю оцінку — товар обміняли без зайвих питань.",
  ],
  pl: [
    "Aktualizacja: sprzedawca się skontaktował i rozwiązał problem. Dziękuję.",
    "Zmieniam ocenę — towar wymieniono bez problemu.",
  ],
  en: ["Update: the seller got in touch and sorted it out. Thanks.", "Changing my rating — they replaced the item with no fuss."],
};

export const COMPLAINT_TEXTS: Record<ComplaintReason, Texts> = {
  item_not_as_described: {
    uk: ["Отриманий товар не відповідає опису, продавець відмовляється повертати гроші."],
    pl: ["Otrzymany towar nie zgadza się z opisem, sprzedawca odmawia zwrotu pieniędzy."],
    en: ["The item I received doesn't match the description and the seller refuses a refund."],
  },
  not_delivered: {
    uk: ["Замовлення досі не доставлене, трек-номер не оновлюється."],
    pl: ["Zamówienie wciąż nie dotarło, numer śledzenia się nie aktualizuje."],
    en: ["The order still hasn't arrived and the tracking number doesn't update."],
  },
  no_response: {
    uk: ["Продавець не відповідає на повідомлення вже кілька днів."],
    pl: ["Sprzedawca od kilku dni nie odpowiada na wiadomości."],
    en: ["The seller hasn't answered my messages for several days."],
  },
  damaged: {
    uk: ["Товар прийшов пошкодженим, упаковка була неналежна."],
    pl: ["Towar przyszedł uszkodzony, opakowanie było niewystarczające."],
    en: ["The item arrived damaged; it was poorly packed."],
  },
  wrong_item: {
    uk: ["Надіслали не той товар, що я замовляв."],
    pl: ["Przysłano inny towar niż zamówiony."],
    en: ["I was sent a different item from the one I ordered."],
  },
};

export const BUYER_QUESTION_TEXTS: Texts = {
  uk: [
    "Доброго дня! Чи є цей товар у наявності?",
    "Підкажіть, будь ласка, коли відправите моє замовлення?",
    "Чи можна обміняти на інший розмір?",
    "Скільки коштуватиме доставка до Львова?",
  ],
  pl: [
    "Dzień dobry, czy ten produkt jest dostępny?",
    "Kiedy wyślecie moje zamówienie?",
    "Czy mogę wymienić na inny rozmiar?",
    "Ile kosztuje wysyłka do Krakowa?",
  ],
  en: [
    "Hi, is this item in stock?",
    "When will you ship my order?",
    "Can I exchange it for a different size?",
    "How much is shipping to Berlin?",
  ],
};

export const SELLER_REPLY_TEXTS: Texts = {
  uk: [
    "Доброго дня! Так, товар є, відправимо сьогодні.",
    "Дякуємо за звернення, замовлення вже передали в доставку.",
    "Так, обмін можливий — напишіть, будь ласка, потрібний розмір.",
  ],
  pl: [
    "Dzień dobry! Tak, produkt jest dostępny, wyślemy dziś.",
    "Dziękujemy za wiadomość, zamówienie zostało już nadane.",
    "Tak, wymiana jest możliwa — prosimy podać rozmiar.",
  ],
  en: [
    "Hello! Yes, it's in stock, we'll ship today.",
    "Thanks for reaching out, your order has already been dispatched.",
    "Yes, an exchange is possible — just tell us the size you need.",
  ],
};

export const SELLER_OPENING_TEXTS: Texts = {
  uk: [
    "Ваше замовлення відправлено, номер для відстеження надішлемо окремо.",
    "На жаль, обраного кольору немає. Можемо запропонувати інший?",
  ],
  pl: [
    "Twoje zamówienie zostało wysłane, numer przesyłki prześlemy osobno.",
    "Niestety wybranego koloru nie ma. Czy możemy zaproponować inny?",
  ],
  en: [
    "Your order has been shipped; we'll send the tracking number separately.",
    "Unfortunately the colour you chose is out of stock. May we offer another one?",
  ],
};

export const BUYER_ANSWER_TEXTS: Texts = {
  uk: ["Добре, дякую.", "Так, інший колір підійде."],
  pl: ["Dobrze, dziękuję.", "Tak, inny kolor może być."],
  en: ["Okay, thank you.", "Yes, another colour is fine."],
};

export const BUYER_THANKS_TEXTS: Texts = {
  uk: ["Дякую, все зрозуміло!", "Дякую, ок."],
  pl: ["Dziękuję, wszystko jasne!", "Super, dzięki."],
  en: ["Thanks, ok!", "Great, thank you."],
};

export const BUYER_REMINDER_TEXTS: Texts = {
  uk: ["Є новини? Досі чекаю на відповідь."],
  pl: ["Czy są jakieś wieści? Wciąż czekam na odpowiedź."],
  en: ["Any news? Still waiting for an answer."],
};
