/**
 * `npm run demo`, run the way a newcomer runs it and checked for what the README promises: it
 * installs, seeds the embedded database, builds, prints the demo sign-ins and serves; each printed
 * sign-in opens its role's home; the desk has flags to triage, a case due for its re-check and a
 * letter waiting; SIGTERM stops it. A stage of `npm test` after the end-to-end tests (it builds the
 * app into .next, which the end-to-end build occupies until then), on a throw-away data directory.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, isRunning } from "@/scripts/lib/processes";
import { startScript } from "@/scripts/test-support/run-script";

const ROOT = path.resolve(__dirname, "../..");
const ENV_FILE = path.join(ROOT, ".env.local");
const HOMES = { moderator: "/moderator", seller: "/seller", admin: "/admin" } as const;
type Role = keyof typeof HOMES;
type SignIn = { role: Role; email: string; password: string };

const results: { name: string; error?: unknown }[] = [];
async function check(name: string, body: () => Promise<void>) {
  try {
    await body();
    results.push({ name });
    console.log(`  ✓ ${name}`);
  } catch (error) {
    results.push({ name, error });
    console.log(`  ✗ ${name}\n${String(error instanceof Error ? error.message : error).replace(/^/gm, "      ")}`);
  }
}

/** The sign-ins the demo printed: `  moderator  moderator@… password …`. */
function printedSignIns(output: string): SignIn[] {
  const lines = output.slice(output.lastIndexOf("Demo sign-ins")).split("\n");
  return lines.flatMap((line) => {
    const match = /^\s+(moderator|seller|admin)\s+(\S+@\S+)\s+(\S+)/.exec(line);
    return match ? [{ role: match[1] as Role, email: match[2]!, password: match[3]! }] : [];
  });
}

/** A browser's cookie jar, enough for next-auth's CSRF and session cookies. */
function session(baseUrl: string) {
  const cookies = new Map<string, string>();
  const request = async (pathname: string, init: RequestInit = {}) => {
    const response = await fetch(`${baseUrl}${pathname}`, {
      ...init,
      redirect: "manual",
      headers: { ...init.headers, cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join("; ") },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const index = pair.indexOf("=");
      cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
    return response;
  };
  const signIn = async ({ email, password }: SignIn) => {
    const { csrfToken } = (await (await request("/api/auth/csrf")).json()) as { csrfToken: string };
    await request("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    });
    const current = (await (await request("/api/auth/session")).json()) as { user?: { email?: string } };
    assert.equal(current.user?.email, email, `signing in as ${email} with the printed password`);
  };
  const page = async (pathname: string) => {
    const response = await request(pathname);
    assert.equal(response.status, 200, `GET ${pathname}`);
    return response.text();
  };
  return { request, signIn, page };
}

async function main() {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "catalog-guard-demo-"));
  const hadEnvFile = fs.existsSync(ENV_FILE);
  console.log(`npm run demo on port ${port}, data in ${dataDir}`);
  const startedAt = Date.now();
  // As a newcomer runs it: no database, no NODE_ENV; its own data directory.
  const demo = startScript("demo", [], {
    env: { PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: undefined, NODE_ENV: undefined, LOG_LEVEL: "warn" },
  });
  // Every process of the demo once it serves, to stop in the end whatever became of npm.
  let serving: number[] = [];
  try {
    await check("it installs, seeds, builds and serves, printing the demo sign-ins", async () => {
      await demo.waitForOutput(/serving on http:\/\/localhost:\d+/, 15 * 60_000);
      for (let attempt = 0; ; attempt++) {
        const answer = await fetch(`${baseUrl}/sign-in`).catch(() => null);
        if (answer?.status === 200) break;
        assert.ok(attempt < 120, "the server answers /sign-in within a minute of starting");
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      serving = demo.processTree();
      console.log(`    serving after ${Math.round((Date.now() - startedAt) / 1000)} s`);
      const roles = new Set(printedSignIns(demo.output()).map((signIn) => signIn.role));
      assert.deepEqual([...roles].sort(), ["admin", "moderator", "seller"], "a sign-in for each role");
    });

    for (const signIn of printedSignIns(demo.output())) {
      await check(`the printed ${signIn.role} sign-in opens ${HOMES[signIn.role]}`, async () => {
        const browser = session(baseUrl);
        await browser.signIn(signIn);
        const home = await browser.request("/");
        assert.equal(home.headers.get("location"), HOMES[signIn.role], "the start page sends the role home");
        await browser.page(HOMES[signIn.role]);
      });
    }

    const moderator = printedSignIns(demo.output()).find((signIn) => signIn.role === "moderator");
    await check("the desk has flags to triage, a case due for its re-check and a letter waiting", async () => {
      assert.ok(moderator, "a moderator sign-in was printed");
      const browser = session(baseUrl);
      await browser.signIn(moderator);
      const flagLinks = [...(await browser.page("/moderator/flags")).matchAll(/href="(\/moderator\/flags\/\d+)"/g)].map(
        (match) => match[1]!,
      );
      assert.ok(flagLinks.length > 0, "a flag to triage");
      // Some flagged shop was flagged before and let go at triage: its flag's page lists that.
      const earlierSections = await Promise.all(
        flagLinks.map(async (link) => /id="earlier-flags-heading"[\s\S]*?<\/section>/.exec(await browser.page(link))?.[0] ?? ""),
      );
      assert.ok(
        earlierSections.some((section) => /<td>Dismissed<\/td>/.test(section)),
        "a flag's page shows the seller's earlier flags, let go at triage",
      );
      assert.match(await browser.page("/moderator/cases?queue=due"), /href="\/moderator\/cases\/\d+"/, "a case due");
      assert.match(await browser.page("/moderator/letters"), /href="\/moderator\/cases\/\d+#letter-\d+"/, "a letter waiting");
      const appeals = await browser.page("/moderator/appeals");
      const appeal = /href="(\/moderator\/appeals\/\d+)"/.exec(appeals);
      assert.ok(appeal, "an appeal waiting");
      assert.match(await browser.page(appeal[1]!), /Record the decision/, "the demo moderator may decide it");
    });

    const seller = printedSignIns(demo.output()).find((signIn) => signIn.role === "seller");
    await check("the seller's worked case links its statement of reasons and the appeal page", async () => {
      assert.ok(seller, "a seller sign-in was printed");
      const browser = session(baseUrl);
      await browser.signIn(seller);
      const cases = /href="\/seller\/cases\/(\d+)"/.exec(await browser.page("/seller"));
      assert.ok(cases, "the standing page links the active case");
      const casePage = await browser.page(`/seller/cases/${cases[1]}`);
      assert.match(casePage, new RegExp(`href="/seller/cases/${cases[1]}/statements/exclusion"`), "the exclusion's statement");
      assert.match(await browser.page(`/seller/cases/${cases[1]}/statements/exclusion`), /Statement of reasons/);
      assert.match(await browser.page(`/seller/cases/${cases[1]}/appeal`), /Contest a decision/);
    });

    const admin = printedSignIns(demo.output()).find((signIn) => signIn.role === "admin");
    await check(
      "the admin has the overview (with a reinstatement), the policy in force, the audit trail, the statements and an API key",
      async () => {
        assert.ok(admin, "an admin sign-in was printed");
        const browser = session(baseUrl);
        await browser.signIn(admin);
        const overview = await browser.page("/admin");
        assert.match(overview, /href="\/moderator\/appeals"/, "the overview links the appeals waiting");
        assert.match(
          overview,
          /Over 1 reinstatement in the last 90 days/,
          "the overview's median rests on the past case's reinstatement",
        );
        assert.match(await browser.page("/admin/policy"), /Version 1 in force/);
        assert.match(await browser.page("/admin/audit"), /case\.opened|Case opened/i, "the trail has the demo's decisions");
        await browser.page("/admin/statements");
        assert.match(await browser.page("/admin/api-keys"), /Marketplace order feed/, "the marketplace's feed has its API key");
      },
    );

    await check("the audit trail reads in the order things happened: newer entries are never older in time", async () => {
      assert.ok(admin, "an admin sign-in was printed");
      const browser = session(baseUrl);
      await browser.signIn(admin);
      const entries: { seq: number; at: string }[] = [];
      let path: string | null = "/admin/audit";
      while (path) {
        const html = await browser.page(path);
        for (const match of html.matchAll(/<td class="cell-number">(\d+)<\/td><td class="cell-nowrap"><time dateTime="([^"]+)"/g))
          entries.push({ seq: Number(match[1]), at: match[2]! });
        path = /<a rel="next"[^>]*href="([^"]+)"/.exec(html)?.[1]?.replaceAll("&amp;", "&") ?? null;
      }
      assert.ok(entries.length > 100, `the whole trail was read (${entries.length} entries)`);
      const outOfOrder = entries.filter((entry, i) => i > 0 && entry.at > entries[i - 1]!.at);
      assert.deepEqual(outOfOrder.slice(0, 3), [], "each entry is no later than the one written after it");
    });

    await check("SIGTERM stops it: every process it started exits", async () => {
      const started = demo.processTree();
      demo.process.kill("SIGTERM");
      const { code, signal } = await demo.exited;
      assert.ok(code === 0 || signal === "SIGTERM", `exit ${code ?? signal}`);
      for (let attempt = 0; started.some(isRunning); attempt++) {
        assert.ok(attempt < 100, `still running 10 s after SIGTERM: ${started.filter(isRunning).join(", ")}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
  } finally {
    for (const pid of new Set([...serving, ...demo.processTree()])) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (!hadEnvFile) fs.rmSync(ENV_FILE, { force: true });
  }
  const failed = results.filter((result) => result.error).length;
  console.log(`npm run demo: ${results.length - failed} passed, ${failed} failed`);
  // For the suite's closing line (scripts/test-support/summarize.mjs).
  fs.mkdirSync(path.join(ROOT, ".test-output"), { recursive: true });
  fs.writeFileSync(path.join(ROOT, ".test-output/demo.json"), JSON.stringify({ passed: results.length - failed, failed }));
  if (failed > 0) console.log(demo.output().slice(-4000));
  // The server's last keep-alive sockets would keep this process waiting: its work is done.
  process.exit(failed > 0 ? 1 : 0);
}

void main();
