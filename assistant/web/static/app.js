// Citation links jump to (and open) their source entry; "Copy answer" copies the answer and its sources as
// plain text; "Share link" copies a link that opens the app asking the same question.
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
function sfassCopy(text, control) {
  var done = function () {
    control.classList.add("sfass-done");
    setTimeout(function () { control.classList.remove("sfass-done"); }, 1500);
  };
  if (navigator.clipboard && window.isSecureContext) { navigator.clipboard.writeText(text).then(done); return; }
  var t = document.createElement("textarea"); t.value = text; document.body.appendChild(t); t.select();
  document.execCommand("copy"); t.remove(); done();
}
document.addEventListener("click", function (e) {
  if (!e.target.closest) return;
  var copy = e.target.closest("button.sfass-copy");
  if (copy) { sfassCopy(sfassCopyText(copy.closest(".sfass-turn")), copy); return; }
  var share = e.target.closest("a.sfass-share");
  if (share) {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button === 1) return;  // opening it in a new tab still works
    e.preventDefault();
    sfassCopy(new URL(share.getAttribute("href"), window.location.href).href, share);
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
// The page's lang attribute follows the interface language chosen in the app, so screen readers read it
// in the right voice.
new MutationObserver(function () {
  var chosen = document.querySelector("#sfass-ui-lang input:checked");
  if (chosen && document.documentElement.lang !== chosen.value) document.documentElement.lang = chosen.value;
}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ["lang", "checked", "class"]});

// The chat's vote buttons speak the interface language (Gradio names them in the browser's language): their
// accessible names come from the words the page header carries for the chosen language. Gradio renders them as
// [dislike, like] at the end of each answer's buttons and names a pressed one "Liked" / "Disliked".
function sfassVoteLabels() {
  var words = document.getElementById("sfass-vote-words");
  if (!words) return;
  document.querySelectorAll("#sfass-chat .message-buttons").forEach(function (bar) {
    var buttons = bar.querySelectorAll("button.icon-button");
    if (buttons.length < 2) return;
    [["dislike", buttons[buttons.length - 2]], ["like", buttons[buttons.length - 1]]].forEach(function (pair) {
      var role = pair[0], button = pair[1], now = button.getAttribute("aria-label") || "";
      if (now !== button.dataset.sfassWrote) {  // Gradio (re)named it: pressed or not
        button.dataset.sfassPressed = (now === "Liked" || now === "Disliked") ? "true" : "false";
      }
      var pressed = button.dataset.sfassPressed === "true";
      var name = words.dataset[pressed ? role + "d" : role];
      if (!name) return;
      button.dataset.sfassWrote = name;
      if (now !== name) button.setAttribute("aria-label", name);
      if (button.getAttribute("title") !== name) button.setAttribute("title", name);
      if (button.getAttribute("aria-pressed") !== String(pressed)) button.setAttribute("aria-pressed", String(pressed));
    });
  });
}
new MutationObserver(sfassVoteLabels).observe(document, {subtree: true, childList: true, attributes: true,
                                                         attributeFilter: ["aria-label", "data-like"]});
