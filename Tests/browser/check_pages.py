#!/usr/bin/env python3
"""Drives pathgap's HTML pages in headless Chromium through Selenium and checks that people can use them.

    python3 Tests/browser/check_pages.py --report out/report.html [--flowcharts charts/<id>.index.html]
        [--screenshots DIR]

Each kind of page has a function of its own (``check_report`` for ``report.html``); add one per page and a flag for
it in ``PAGES`` (``check_flowcharts`` for the ``index.html`` of ``pathgap render --view all``). Every check records what failed; the script prints
one line per check and exits 0 when all passed, 1 when any failed, 3 when Selenium or Chromium is missing (the Swift
test skips then, saying why).

Uses Debian's ``chromium`` and ``chromium-driver`` (``/usr/bin/chromium``, ``/usr/bin/chromedriver``; override with
``CHROMIUM`` and ``CHROMEDRIVER``) and Selenium from PyPI (``pip install selenium``).
"""

import argparse
import os
import shutil
import sys

MISSING = 3


def browser():
    """A headless Chromium driven by Debian's chromedriver, logging the console; exits 3 when either is missing."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        print("check_pages: selenium is not installed (pip install selenium)")
        sys.exit(MISSING)
    binary = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")
    if not binary or not driver_path:
        print("check_pages: chromium or chromedriver is not on PATH (apt-get install chromium chromium-driver)")
        sys.exit(MISSING)
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1400,1000"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(driver_path), options=options)


class Checks:
    """Named checks of one page, each passed or failed with a reason."""

    def __init__(self, page):
        self.page = page
        self.failures = 0

    def check(self, name, passed, detail=""):
        print(("ok   " if passed else "FAIL ") + self.page + ": " + name + ("" if passed else " — " + detail))
        if not passed:
            self.failures += 1


def console_errors(driver):
    """Console messages of level SEVERE since the last call (script errors, CSP violations, failed loads)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]


def open_page(driver, path):
    driver.get("file://" + os.path.abspath(path))


def check_report(driver, path, screenshots):
    """``report.html``: loads cleanly; a filter hides the rows it should; sorting by a column orders it; a need's
    link lands on its framework table; a screenshot for review."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    checks = Checks("report.html")
    open_page(driver, path)
    checks.check("no console errors on load", not console_errors(driver), "; ".join(console_errors(driver)))
    checks.check("the title names the projects", driver.title.startswith("Gap report: "), driver.title)
    checks.check("a table of contents", len(driver.find_elements(By.CSS_SELECTOR, "nav.toc a")) >= 5)

    rows = driver.find_elements(By.CSS_SELECTOR, "#gap-table tbody tr")
    checks.check("the gap table has rows", len(rows) > 0)
    if rows:
        # Filter by the severity of the last row (the rarest is usually last): every row left has it, every row
        # hidden has another.
        wanted = rows[-1].get_attribute("data-severity")
        Select(driver.find_element(By.CSS_SELECTOR, "select[data-filter=severity]")).select_by_value(wanted)
        shown = [row for row in rows if row.is_displayed()]
        hidden = [row for row in rows if not row.is_displayed()]
        checks.check("the severity filter keeps only its rows",
                     shown and all(row.get_attribute("data-severity") == wanted for row in shown),
                     "%d shown" % len(shown))
        checks.check("the severity filter hides the others",
                     all(row.get_attribute("data-severity") != wanted for row in hidden),
                     "%d hidden" % len(hidden))
        expected_hidden = sum(1 for row in rows if row.get_attribute("data-severity") != wanted)
        checks.check("the filter count says how many rows are shown",
                     driver.find_element(By.ID, "filter-count").text.startswith("%d of %d" % (len(shown), len(rows)))
                     and len(hidden) == expected_hidden, driver.find_element(By.ID, "filter-count").text)
        Select(driver.find_element(By.CSS_SELECTOR, "select[data-filter=severity]")).select_by_value("")
        checks.check("clearing the filter shows every row", all(row.is_displayed() for row in rows))

        # Sort by patients (the sixth column), with the keyboard: Enter on the focused heading.
        heading = driver.find_elements(By.CSS_SELECTOR, "#gap-table thead th")[5]
        heading.send_keys(Keys.ENTER)

        def patients():
            values = []
            for row in driver.find_elements(By.CSS_SELECTOR, "#gap-table tbody tr"):
                values.append(float(row.find_elements(By.TAG_NAME, "td")[5].get_attribute("data-sort")))
            return values

        ascending = patients()
        checks.check("Enter on a heading sorts the column ascending", ascending == sorted(ascending),
                     str(ascending[:5]))
        heading.send_keys(Keys.ENTER)
        descending = patients()
        checks.check("again, descending", descending == sorted(descending, reverse=True), str(descending[:5]))

        # Severity sorts by rank: errors, then warnings, then notes.
        driver.find_elements(By.CSS_SELECTOR, "#gap-table thead th")[1].click()
        ranks = [row.find_elements(By.TAG_NAME, "td")[1].get_attribute("data-sort")
                 for row in driver.find_elements(By.CSS_SELECTOR, "#gap-table tbody tr")]
        checks.check("severity sorts by rank", ranks == sorted(ranks), str(ranks[:5]))

    links = driver.find_elements(By.CSS_SELECTOR, "#actions a.table-link")
    checks.check("the top actions link to framework tables", len(links) > 0)
    if links:
        target = links[0].get_attribute("href").split("#", 1)[1]
        links[0].click()
        landed = driver.execute_script("return location.hash") == "#" + target
        table = driver.find_elements(By.ID, target)
        in_view = bool(table) and driver.execute_script(
            "var r=arguments[0].getBoundingClientRect();return r.top>=-2&&r.top<window.innerHeight;", table[0])
        checks.check("a need's link lands on its framework table", landed and in_view and bool(
            table[0].find_elements(By.CSS_SELECTOR, "table")), target)

    checks.check("no console errors after use", not console_errors(driver), "; ".join(console_errors(driver)))
    if screenshots:
        os.makedirs(screenshots, exist_ok=True)
        driver.execute_script("window.scrollTo(0,0)")
        shot = os.path.join(screenshots, "report.png")
        driver.save_screenshot(shot)
        checks.check("a screenshot is written for review", os.path.getsize(shot) > 0, shot)
    return checks.failures


def check_flowcharts(driver, path, screenshots):
    """``<id>.index.html`` of ``pathgap render --view all``: loads cleanly; every chart is an accessible image; a part
    of the overview links to that part's chart on the page; each chart's own file exists beside the page; every
    chart has its text alternative; a screenshot for review."""
    from selenium.webdriver.common.by import By

    checks = Checks(os.path.basename(path))
    open_page(driver, path)
    checks.check("no console errors on load", not console_errors(driver), "; ".join(console_errors(driver)))
    checks.check("the title names the pathway", driver.title.endswith(": flowcharts"), driver.title)
    sections = driver.find_elements(By.CSS_SELECTOR, "main section")
    svgs = driver.find_elements(By.CSS_SELECTOR, "main section svg")
    checks.check("every chart is on the page", len(sections) > 1 and len(svgs) == len(sections),
                 "%d sections, %d charts" % (len(sections), len(svgs)))
    labelled = [svg for svg in svgs if svg.get_attribute("role") == "img" and
                driver.execute_script("var t=arguments[0].querySelector(':scope > title');"
                                      "return t!==null&&t.textContent.length>0;", svg)]
    checks.check("every chart is an image with a title", len(labelled) == len(svgs),
                 "%d of %d" % (len(labelled), len(svgs)))
    texts = driver.find_elements(By.CSS_SELECTOR, "main section details pre")
    checks.check("every chart has its text alternative", len(texts) == len(sections) and all(
        "Part" in text.get_attribute("textContent") or "Steps in order" in text.get_attribute("textContent")
        for text in texts))
    folder = os.path.dirname(os.path.abspath(path))
    files = [link.get_attribute("href") for link in driver.find_elements(By.PARTIAL_LINK_TEXT, "Open the chart")]
    missing = [href for href in files if not os.path.exists(os.path.join(folder, href.rsplit("/", 1)[-1]))]
    checks.check("each chart's own file is beside the page", files and not missing, ", ".join(missing))

    parts = driver.execute_script(
        "return Array.from(document.querySelectorAll('main section:first-of-type svg a'))"
        ".map(function(a){return a.getAttribute('xlink:href')||a.getAttribute('href')||'';})"
        ".filter(function(h){return h.indexOf('#chart-')===0;});")
    checks.check("the overview's parts link within the page", len(parts) > 0, str(parts[:3]))
    if parts:
        target = parts[-1]
        link = driver.execute_script(
            "var wanted=arguments[0];"
            "return Array.from(document.querySelectorAll('main section:first-of-type svg a'))"
            ".find(function(a){return (a.getAttribute('xlink:href')||'')===wanted;});", target)
        driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click',{bubbles:true,cancelable:true}));",
                              link)
        landed = driver.execute_script("return location.hash") == target
        section = driver.find_elements(By.ID, target[1:])
        in_view = bool(section) and driver.execute_script(
            "var r=arguments[0].getBoundingClientRect();return r.top>=-2&&r.top<window.innerHeight;", section[0])
        checks.check("a part's link lands on its chart", landed and in_view, target)
        back = driver.execute_script(
            "return Array.from(arguments[0].querySelectorAll('svg a')).map(function(a){"
            "return a.getAttribute('xlink:href')||'';});", section[0]) if section else []
        checks.check("the part's chart links back to the overview", sections[0].get_attribute("id") and
                     "#" + sections[0].get_attribute("id") in back, str(back[:3]))

    checks.check("no console errors after use", not console_errors(driver), "; ".join(console_errors(driver)))
    if screenshots:
        os.makedirs(screenshots, exist_ok=True)
        driver.execute_script("window.scrollTo(0,0)")
        shot = os.path.join(screenshots, "flowcharts.png")
        driver.save_screenshot(shot)
        checks.check("a screenshot is written for review", os.path.getsize(shot) > 0, shot)
    return checks.failures


# Each page the script can check: its flag and its function.
PAGES = {
    "report": check_report,
    "flowcharts": check_flowcharts,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name in PAGES:
        parser.add_argument("--" + name, help="the %s page to check" % name)
    parser.add_argument("--screenshots", help="a folder for screenshots")
    arguments = parser.parse_args()
    wanted = [(name, getattr(arguments, name)) for name in PAGES if getattr(arguments, name)]
    if not wanted:
        parser.error("give at least one page")
    driver = browser()
    failures = 0
    try:
        for name, path in wanted:
            failures += PAGES[name](driver, path, arguments.screenshots)
    finally:
        driver.quit()
    print("check_pages: %s" % ("all checks passed" if failures == 0 else "%d checks failed" % failures))
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
