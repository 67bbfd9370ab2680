// Citation links jump to (and open) their source entry; the copy button copies the answer and its sources
// as plain text.
function sfassCopyText(turn) {
  var text = turn.querySelector(".sfass-answer").innerText.trim();
  var items = turn.querySelectorAll("li.sfass-source");
  if (items.length) text += "\n";
  items.forEach(function (li) {
    var n = li.querySelector(".sfass-source-n").innerText, title = li.querySelector("strong").innerText;
    var id = li.querySelector("code").innerText, passage = li.querySelector("blockquote").innerText.trim();
    text += "\n" + n + " " + title + " (" + id + "): " + passage.replace(/\s*\n\s*/g, " ");
  });
  return text;
}
document.addEventListener("click", function (e) {
  if (!e.target.closest) return;
  var copy = e.target.closest("button.sfass-copy");
  if (copy) {
    var text = sfassCopyText(copy.closest(".sfass-turn"));
    var done = function () { copy.classList.add("sfass-done"); setTimeout(function () { copy.classList.remove("sfass-done"); }, 1500); };
    if (navigator.clipboard && window.isSecureContext) { navigator.clipboard.writeText(text).then(done); }
    else { var t = document.createElement("textarea"); t.value = text; document.body.appendChild(t); t.select();
           document.execCommand("copy"); t.remove(); done(); }
    return;
  }
  var a = e.target.closest("a.sfass-cite");
  if (!a) return;
  e.preventDefault();
  var el = document.getElementById((a.getAttribute("href") || "").slice(1));
  if (!el) return;
  var d = el.closest("details"); if (d) d.open = true;
  el.scrollIntoView({behavior: "smooth", block: "center"});
  el.classList.add("sfass-flash"); setTimeout(function () { el.classList.remove("sfass-flash"); }, 1600);
}, true);
