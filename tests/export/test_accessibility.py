"""The HTML exports in a real browser: headless Chromium with axe-core, WCAG 2.1 A and AA.

``scripts/dev test`` installs Debian's chromium and axe-core (npm) into
``.tools/``. Without them the test is skipped with the reason (a failure in
CI, as every skip is there: see tests/conftest.py).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from raadsakkoord.export import html
from raadsakkoord.export.document import with_readability

ROOT = Path(__file__).resolve().parents[2]
AXE = Path(os.environ.get("RAADSAKKOORD_AXE", ROOT / ".tools" / "node_modules" / "axe-core" / "axe.min.js"))
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUNNER = """<script>{axe}</script><script>
axe.run(document, {{runOnly: {{type: "tag", values: {tags}}}}}).then(function (result) {{
  var out = document.createElement("pre");
  out.id = "axe-result";
  out.textContent = JSON.stringify(result.violations.map(function (v) {{
    return {{id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(function (n) {{ return n.html; }})}};
  }}));
  document.body.appendChild(out);
}});
</script>"""


def _browser() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    missing = [what for what, ok in (("chromium", found), (f"axe-core ({AXE})", AXE.is_file())) if not ok]
    if missing:
        pytest.skip(f"missing {', '.join(missing)} (scripts/dev test installs them)")
    return found


def _with_axe(page: str) -> str:
    # The export forbids every script by its Content-Security-Policy; the
    # checked copy drops that one line so axe itself may run.
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n?', "", page)
    runner = RUNNER.format(axe=AXE.read_text(encoding="utf-8"), tags=json.dumps(TAGS))
    return page.replace("</body>", runner + "</body>")


def _check(pages: dict[str, str], tmp_path: Path) -> dict[str, list]:
    browser = _browser()
    running = {}
    for name, page in pages.items():
        file = tmp_path / f"{name}.html"
        file.write_text(_with_axe(page), encoding="utf-8")
        running[name] = subprocess.Popen(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             f"--user-data-dir={tmp_path / ('profile-' + name)}", "--virtual-time-budget=30000",
             "--dump-dom", file.as_uri()],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    results = {}
    for name, process in running.items():
        out, _ = process.communicate(timeout=120)
        match = re.search(r'<pre id="axe-result">(.*?)</pre>', out, re.S)
        assert match, f"axe did not report for {name}"
        results[name] = json.loads(match.group(1).replace("&lt;", "<").replace("&gt;", ">")
                                   .replace("&quot;", '"').replace("&amp;", "&"))
    return results


def test_html_exports_have_no_wcag_violations(tmp_path, agreement, agenda, book):
    bad = ('<!DOCTYPE html><html><head><title>x</title></head><body>'
           '<img src="data:,"><p style="color:#ccc;background:#fff">onleesbaar</p></body></html>')
    results = _check({
        # With the optional readability appendix: everything the agreement page can hold.
        "raadsakkoord": html.agreement_html(with_readability(agreement)),
        "uitwerkingsagenda": html.task_agenda_html(agenda),
        "amendementenboek": html.amendment_book_html(book),
        "controle": bad,
    }, tmp_path)
    # The control page proves the harness sees violations at all.
    assert {"image-alt", "html-has-lang", "color-contrast"} <= {v["id"] for v in results.pop("controle")}
    for name, violations in results.items():
        assert violations == [], f"{name}: {json.dumps(violations, indent=1, ensure_ascii=False)}"
