// Drives Debian's chromium (headless, through puppeteer-core over a pipe) over sites the
// html exporter wrote, as people use them, from the file system:
//   node check_site.js SITE ARABIC_SITE WORKBOOK_JSON SHOTS
// SITE: the sample job's site folder; ARABIC_SITE: an Arabic site with language versions (the
// resolutions job's); WORKBOOK_JSON: the sample job's matrix.xlsx as tests/xlsx_read.py prints it;
// SHOTS: where the screenshots go. Exit 0 when every check passes, 1 when one fails, 77 when
// chromium cannot start.
"use strict";
const fs = require("fs");
const path = require("path");
const { pathToFileURL } = require("url");
const puppeteer = require("puppeteer-core");

const [site, arabicSite, workbookJson, shots] = process.argv.slice(2);
const failures = [];
const fail = (what) => {
  failures.push(what);
  console.log("FAIL: " + what);
};
const check = (ok, what) => {
  if (!ok) fail(what);
};
const url = (folder, file) => pathToFileURL(path.join(folder, file)).href;

// What people read carries no internal codes (as tests/human_text_test.py checks elsewhere).
const CODE = /\b(?:sdg|gcm):[0-9a-z.-]+\b/;
const SNAKE = /\b[a-z]+(?:_[a-z]+)+\b/;

async function open(browser, width, height) {
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warn" || m.type() === "warning") fail(`console ${m.type()} on ${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => fail(`script error on ${page.url()}: ${e.message}`));
  page.on("request", (r) => {
    if (!r.url().startsWith("file://") && !r.url().startsWith("data:")) fail(`network request ${r.url()} from ${page.url()}`);
  });
  page.on("requestfailed", (r) => fail(`request failed: ${r.url()} (${r.failure() && r.failure().errorText})`));
  return page;
}

async function humanText(page, where) {
  const text = await page.evaluate(() => document.body.innerText);
  for (const re of [CODE, SNAKE]) {
    const m = text.match(re);
    check(!m, `${where}: an internal code '${m && m[0]}' where people read`);
  }
}

// Every element with its own text: its colour against the background it sits on, >= 4.5:1.
async function contrast(page, where) {
  const low = await page.evaluate(() => {
    const rgb = (s) => (s.match(/[\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => {
      const f = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el) => {
      for (; el; el = el.parentElement) {
        const c = rgb(getComputedStyle(el).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c;
      }
      return [255, 255, 255];
    };
    const out = [];
    const all = Array.from(document.querySelectorAll("body *")).slice(0, 4000);
    for (const el of all) {
      if (!Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
      if (!el.getClientRects().length) continue;
      const fg = lum(rgb(getComputedStyle(el).color)), bg = lum(background(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      if (ratio < 4.5) out.push(`${el.tagName.toLowerCase()}.${el.className} ${ratio.toFixed(2)}`);
    }
    return out;
  });
  check(low.length === 0, `${where}: text below 4.5:1 contrast: ${low.slice(0, 5).join(", ")}`);
}

async function main() {
  const workbook = JSON.parse(fs.readFileSync(workbookJson, "utf8"));
  fs.mkdirSync(shots, { recursive: true });
  let browser;
  try {
    browser = await puppeteer.launch({
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      headless: true,
      pipe: true,
      args: ["--no-sandbox", "--headless=new", "--disable-gpu", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-default-apps", "--disable-sync", "--mute-audio",
             "--font-render-hinting=none"],
      timeout: 60000,
    });
  } catch (e) {
    console.log("SKIPPED: chromium cannot start: " + e.message);
    return 77;
  }
  try {
    // The matrix: the skip link comes first; its rows come a page at a time; filtering by SDG
    // 10 with the keyboard shows, paged through with the keyboard, exactly the workbook's rows
    // for SDG 10, and the count and the rows shown are announced.
    const page = await open(browser, 1280, 900);
    await page.goto(url(site, "index.html"), { waitUntil: "load" });
    await page.screenshot({ path: path.join(shots, "index.png") });
    await page.keyboard.press("Tab");
    check(await page.evaluate(() => document.activeElement.className === "skip"), "the first Tab does not reach the skip link");
    const rowsInWorkbook = workbook.cells.Matrix.length - 1;
    // The citations of every page of rows, from the first, paged with the keyboard (Enter on
    // "Next page"); each page announced as "Rows a–b of n".
    const pageThrough = async (what) => {
      const seen = [];
      for (let n = 0; n < 1000; n++) {
        const rows = await page.$$eval("#matrix tbody tr td:nth-child(2) a", (as) => as.map((a) => a.textContent));
        const said = await page.$eval("#shown", (p) => p.textContent);
        check(rows.length > 0 && rows.length <= 100, `${what}: page ${n + 1} has ${rows.length} rows`);
        check(said.includes(`${seen.length + 1}–${seen.length + rows.length} of`), `${what}: page ${n + 1} is announced as '${said}'`);
        seen.push(...rows);
        const next = await page.$("#pages:not([hidden]) button[data-page=next_page]:not([aria-disabled=true])");
        if (!next) break;
        await next.focus();
        await page.keyboard.press("Enter");
        check(await page.evaluate(() => document.activeElement.id === "matrix"), `${what}: the new page does not take the focus`);
      }
      return seen;
    };
    const first = await page.$$eval("#matrix tbody tr", (rows) => rows.length);
    check(first === Math.min(100, rowsInWorkbook), `the first page has ${first} rows of the workbook's ${rowsInWorkbook}`);
    check(rowsInWorkbook <= 100 || (await page.$("#pages:not([hidden])")) !== null, "more rows than a page and no page buttons");
    const all = await pageThrough("all rows");
    check(all.length === rowsInWorkbook, `the matrix's pages hold ${all.length} rows, the workbook ${rowsInWorkbook}`);
    check((await page.$eval("#shown", (p) => p.textContent)).includes(`${rowsInWorkbook} of ${rowsInWorkbook}`), "the count of all rows");
    const total = rowsInWorkbook;
    const expected = workbook.cells.Matrix.slice(1).filter((r) => (r[5] || "").split(", ").includes("10")).map((r) => r[0]).sort();
    check(expected.length > 0, "the workbook lists no recommendation for SDG 10");
    await page.focus("#f-goal");
    for (let i = 0; i < 20 && (await page.$eval("#f-goal", (s) => s.value)) !== "10"; i++) await page.keyboard.press("ArrowDown");
    check((await page.$eval("#f-goal", (s) => s.value)) === "10", "the keyboard did not reach SDG 10 in the goal filter");
    check(page.url().includes("f-goal=10"), `the filter is not in the address: ${page.url()}`);
    const status = await page.$eval("#shown", (p) => [p.getAttribute("role"), p.getAttribute("aria-live"), p.textContent]);
    check(status[0] === "status" && status[1] === "polite", "the count is not a polite live region");
    check(status[2].includes(`${expected.length} of ${total}`), `the count says '${status[2]}'`);
    await page.screenshot({ path: path.join(shots, "index-sdg-10.png") });
    const shown = (await pageThrough("SDG 10")).sort();
    check(JSON.stringify(shown) === JSON.stringify(expected),
          `filtering by SDG 10 shows ${shown.length} recommendations, the workbook lists ${expected.length} for SDG 10`);
    // The address keeps the filter and the page: opened again, it shows the same rows.
    const again = page.url();
    const lastRows = await page.$$eval("#matrix tbody tr td:nth-child(2) a", (as) => as.map((a) => a.textContent));
    await page.goto(again, { waitUntil: "load" });
    check(JSON.stringify(await page.$$eval("#matrix tbody tr td:nth-child(2) a", (as) => as.map((a) => a.textContent))) ===
          JSON.stringify(lastRows), `${again} opens other rows`);
    await contrast(page, "index.html");
    await humanText(page, "index.html");

    // Following a citation of the filtered matrix opens its paragraph.
    const href = await page.$eval("#matrix tbody tr td:nth-child(2) a", (a) => a.getAttribute("href"));
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click("#matrix tbody tr td:nth-child(2) a")]);
    const target = await page.evaluate(() => {
      const t = document.querySelector(":target");
      if (!t) return null;
      const r = t.getBoundingClientRect();
      return { id: t.id, top: r.top, height: window.innerHeight };
    });
    check(target && "#" + target.id === href.slice(href.indexOf("#")), `following ${href} opens no :target paragraph`);
    check(target && target.top > -2 && target.top < target.height, `the paragraph of ${href} is not in the viewport`);
    await page.close();

    // A paragraph anchor typed in the address opens at that paragraph.
    const doc = await open(browser, 1280, 900);
    await doc.goto(url(site, "documents/a-68-283.html") + "#para-127", { waitUntil: "load" });
    const para = await doc.evaluate(() => {
      const t = document.querySelector(":target");
      const r = t && t.getBoundingClientRect();
      return t && { id: t.id, top: r.top, inView: r.top > -2 && r.top < window.innerHeight, scrolled: window.scrollY > 0 };
    });
    check(para && para.id === "para-127" && para.inView && para.scrolled, `#para-127 does not open at paragraph 127: ${JSON.stringify(para)}`);
    await doc.screenshot({ path: path.join(shots, "document.png") });
    await contrast(doc, "documents/a-68-283.html");
    await humanText(doc, "documents/a-68-283.html");
    await doc.close();

    // The search finds real text, and its first result opens the paragraph that holds it.
    const search = await open(browser, 1280, 900);
    await search.goto(url(site, "search.html") + "?q=" + encodeURIComponent("domestic workers"), { waitUntil: "load" });
    const results = await search.$$eval("#results li", (lis) => lis.map((li) => li.textContent));
    check(results.length > 0, "searching 'domestic workers' finds nothing");
    check(results.every((r) => /domestic/i.test(r) ), "a result of 'domestic workers' does not show the words");
    const said = await search.$eval("#search-status", (p) => p.textContent);
    check(said.includes(String(results.length)), `the search status says '${said}'`);
    await search.screenshot({ path: path.join(shots, "search.png") });
    await Promise.all([search.waitForNavigation({ waitUntil: "load" }), search.click("#results li a")]);
    const found = await search.evaluate(() => {
      const t = document.querySelector(":target");
      return t && t.textContent;
    });
    check(found && /domestic/i.test(found) && /workers/i.test(found), "the first search result does not open a paragraph about domestic workers");
    // Typing a query in the search form works too.
    await search.goto(url(site, "search.html"), { waitUntil: "load" });
    await search.type("#q", "GFMD");
    await search.keyboard.press("Enter");
    await search.waitForSelector("#results li");
    await search.close();

    // Arabic: the page runs right to left, the other versions left to right, side by side.
    const ar = await open(browser, 1280, 900);
    await ar.goto(url(arabicSite, "documents/a-res-78-217.html"), { waitUntil: "load" });
    const dirs = await ar.evaluate(() => ({
      page: document.documentElement.dir,
      lang: document.documentElement.lang,
      arabic: getComputedStyle(document.querySelector('.text[lang="ar"]')).direction,
      english: getComputedStyle(document.querySelector('.text[lang="en"]')).direction,
      shown: Array.from(document.querySelectorAll(".block")[3].querySelectorAll(".text")).filter((t) => !t.hidden).map((t) => t.lang),
    }));
    check(dirs.page === "rtl" && dirs.lang === "ar" && dirs.arabic === "rtl" && dirs.english === "ltr",
          `the Arabic page's directions: ${JSON.stringify(dirs)}`);
    check(dirs.shown.length === 2, `two versions should show side by side, shown: ${dirs.shown}`);
    await ar.screenshot({ path: path.join(shots, "arabic.png") });
    // Search on the Arabic site: Arabic by default, French when asked, each index loaded on demand.
    await ar.goto(url(arabicSite, "search.html") + "?q=" + encodeURIComponent("المهاجرين"), { waitUntil: "load" });
    await ar.waitForSelector("#results li", { timeout: 10000 });
    const arabicResults = await ar.$$eval("#results li", (lis) => lis.map((li) => li.lang));
    check(arabicResults.length > 0 && arabicResults.every((l) => l === "ar"), `an Arabic search finds ${JSON.stringify(arabicResults.slice(0, 3))}`);
    const marks = await ar.$$eval("#results li mark", (ms) => ms.map((m) => m.textContent));
    check(marks.length === arabicResults.length && marks.every((m) => m.replace(/\p{M}/gu, "").includes("لمهاجر")),
          `Arabic results highlight ${JSON.stringify(marks.slice(0, 3))}`);
    await ar.screenshot({ path: path.join(shots, "arabic-search.png") });
    await ar.goto(url(arabicSite, "search.html") + "?q=travailleurs+migrants&lang=fr", { waitUntil: "load" });
    await ar.waitForSelector("#results li", { timeout: 10000 });
    const french = await ar.$$eval("#results li", (lis) => lis.map((li) => li.lang + " " + li.textContent));
    check(french.length > 0 && french.every((r) => r.startsWith("fr ") && /travailleu/i.test(r)), `a French search finds ${french.slice(0, 2)}`);
    await contrast(ar, "site-ar/documents/a-res-78-217.html");
    await humanText(ar, "site-ar/documents/a-res-78-217.html");
    await ar.close();

    // A phone: nothing wider than the screen, the matrix as cards.
    const phone = await open(browser, 375, 812);
    await phone.goto(url(site, "index.html"), { waitUntil: "load" });
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 0, `the index is ${overflow}px wider than a phone's screen`);
    await phone.screenshot({ path: path.join(shots, "phone.png") });
    await (await phone.$("#matrix tbody tr")).screenshot({ path: path.join(shots, "phone-matrix.png") });
    await phone.goto(url(site, "documents/a-68-283.html") + "#para-127", { waitUntil: "load" });
    const docOverflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(docOverflow <= 0, `a document page is ${docOverflow}px wider than a phone's screen`);
    await phone.screenshot({ path: path.join(shots, "phone-document.png") });
    // Print: the controls are not printed; the matrix prints the page of rows shown.
    await phone.emulateMediaType("print");
    check(await phone.evaluate(() => getComputedStyle(document.querySelector(".site-search")).display === "none"),
          "the search form is printed");
    await phone.goto(url(site, "index.html"), { waitUntil: "load" });
    check(await phone.evaluate(() => getComputedStyle(document.getElementById("pages")).display === "none"),
          "the page buttons are printed");
    await phone.close();
  } finally {
    await browser.close();
  }
  console.log(failures.length ? `${failures.length} checks failed` : "every browser check passed");
  return failures.length ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => {
  console.log("FAIL: " + (e && e.stack ? e.stack : e));
  process.exit(1);
});
