/** Believable shop names in the seller's language, unique across the portal. */
import { chance, pickOne, type Rng } from "./random";
import type { Language } from "./types";

const UKRAINIAN = {
  kinds: ["Крамниця", "Майстерня", "Лавка", "Світ", "Дім", "Студія", "Комора"],
  brands: [
    "Калина",
    "Сонях",
    "Ясен",
    "Левада",
    "Барвінок",
    "Затишок",
    "Смаколик",
    "Лелека",
    "Карпати",
    "Полтавка",
    "Вишиванка",
    "Тепло",
    "Лісовик",
    "Бджілка",
    "Коровай",
    "Мальва",
    "Оберіг",
    "Веселка",
    "Чумак",
    "Горнятко",
  ],
  trades: ["Текстиль", "Кераміка", "Маркет", "Шоп", "Дерево", "Кава", "Книги", "Спорт", "Декор"],
};

const POLISH = {
  kinds: ["Sklep", "Pracownia", "Butik", "Hurtownia", "Kram", "Manufaktura"],
  brands: [
    "Bursztyn",
    "Kasztan",
    "Sosna",
    "Jaskółka",
    "Wisła",
    "Mazury",
    "Bocian",
    "Żubr",
    "Lawenda",
    "Rumianek",
    "Tatry",
    "Orzech",
    "Wrzos",
    "Dąbek",
    "Malwa",
  ],
  trades: ["Ceramika", "Tekstylia", "Sport", "Książki", "Kawa", "Zabawki", "Ogród", "Moda"],
};

const ENGLISH = {
  adjectives: ["Blue", "Copper", "Little", "Northern", "Golden", "Quiet", "Urban", "Wild", "Silver", "Bright", "Old", "Happy"],
  nouns: ["Fox", "Kettle", "Harbor", "Oak", "Lantern", "Sparrow", "Thread", "Pine", "Meadow", "Anchor", "Pebble", "Hive"],
  trades: ["Goods", "Supply Co.", "Outfitters", "Home", "Studio", "Market", "Crafts", "Gear"],
};

const MAX_ATTEMPTS = 40;

function drawShopName(rng: Rng, language: Language): string {
  if (language === "en") {
    return `${pickOne(rng, ENGLISH.adjectives)} ${pickOne(rng, ENGLISH.nouns)} ${pickOne(rng, ENGLISH.trades)}`;
  }
  const parts = language === "uk" ? UKRAINIAN : POLISH;
  const brand = pickOne(rng, parts.brands);
  if (!chance(rng, 0.5)) return `${brand} ${pickOne(rng, parts.trades)}`;
  return language === "uk" ? `${pickOne(rng, parts.kinds)} «${brand}»` : `${pickOne(rng, parts.kinds)} ${brand}`;
}

/** A name not in `taken` (which it then joins); numbered only if the word lists run out. */
export function drawUniqueShopName(rng: Rng, language: Language, taken: Set<string>): string {
  let name = drawShopName(rng, language);
  for (let attempt = 1; taken.has(name); attempt++) {
    name = attempt < MAX_ATTEMPTS ? drawShopName(rng, language) : `${drawShopName(rng, language)} ${attempt}`;
  }
  taken.add(name);
  return name;
}
