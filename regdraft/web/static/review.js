// regdraft review: pick a provision by selecting words in it or clicking it, or a part of one (its title,
// lead-in, closing text, a dash or plus item) by its button (✎), and open the wording editor with its
// current text. Only this file runs on the pages: documents are text. Once a comment is written, words selected or a
// provision clicked in the text no longer move it: a button offers to (`#retarget-choice`). What the member types is
// kept in this tab (`sessionStorage`, never sent anywhere) until the server says it is saved, and leaving the page
// with it unsent is asked about.
"use strict";
(function () {
  // The comments page, back from answering a comment (`#c-0e44-saved`): the notice that it was saved stands after that
  // comment and is given the focus, read out; the next Tab goes on to the next comment. The page opened at the top
  // with the focus on the body, and a keyboard user went through every comment before it again. (Chromium focuses
  // the notice the address names too; other browsers only scroll to it.)
  const answered = document.querySelector(".notice.answered");
  if (answered) { answered.focus(); }

  // A text box holds at most `data-most` characters as the server counts them (in NFC, as it stores them), which is
  // said when the form is sent, everything typed kept: its `maxlength` counts UTF-16 code units, three for a letter
  // typed decomposed, and let three times as much be typed before the server refused it.
  function checkLength(box) {
    const count = Array.from(box.value.normalize("NFC")).length;
    const over = count > parseInt(box.dataset.most, 10);
    box.setCustomValidity(over ? (box.dataset.tooLong || "").replace("{count}", String(count)) : "");
  }
  document.querySelectorAll("textarea[data-most]").forEach(function (box) {
    box.addEventListener("input", function () { checkLength(box); });
  });
  // And as a button sends, before the browser checks the form: a text given back from the tab's storage too.
  document.addEventListener("click", function (event) {
    const button = event.target.closest && event.target.closest("button[type=submit], button:not([type])");
    if (button && button.form) { button.form.querySelectorAll("textarea[data-most]").forEach(checkLength); }
  }, true);

  // A changed heading is named by its title as it reads now, and described by the title before, in words (`Tên trước
  // khi sửa: …`): a screen reader's list of headings ran the words deleted and inserted together ("Điều 7. Trách
  // nhiệm Nhiệm vụ, quyền hạn …"). What is shown, the redline, is left as it is.
  const bar = document.querySelector(".review-bar");
  const was = bar ? bar.dataset.headingWas || "" : "";
  function readAs(heading, left) {
    const copy = heading.cloneNode(true);
    copy.querySelectorAll(left + ", .said, .badge, .part-picks").forEach(function (el) { el.remove(); });
    copy.querySelectorAll("br").forEach(function (br) { br.replaceWith(" "); });
    // The space a redline keeps between a deletion and an insertion is no space before a comma on one side.
    return copy.textContent.replace(/\s+/g, " ").replace(/ ([,.;:)])/g, "$1").trim();
  }
  document.querySelectorAll("h1, h2, h3, h4, h5, h6").forEach(function (heading) {
    if (!heading.querySelector("del, ins")) { return; }
    const now = readAs(heading, "del"), before = readAs(heading, "ins");
    if (!now || now === before) { return; }
    heading.setAttribute("aria-label", now);
    if (was && before) {
      heading.setAttribute("aria-description", was.replace("{old}", function () { return before; }));
    }
  });

  // An answer sent from the comments page (accepting a proposal rewrites the amendment: several seconds): its button
  // says it is working and takes no second press, and the form is not sent again. A drafter who saw nothing happen
  // pressed again. Back to the page (the browser's back-forward cache), the buttons are pressable again.
  document.querySelectorAll("form.accept, form.respond, form.withdraw, form.edit").forEach(function (answer) {
    answer.addEventListener("submit", function (event) {
      if (answer.dataset.sending) { event.preventDefault(); return; }
      answer.dataset.sending = "1";
      answer.setAttribute("aria-busy", "true");
      answer.querySelectorAll("button[type=submit]").forEach(function (button) {
        button.dataset.idle = button.textContent;
        button.textContent = answer.dataset.working || button.textContent;
        button.disabled = true;
      });
    });
  });
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-sending]").forEach(function (answer) {
      delete answer.dataset.sending;
      answer.removeAttribute("aria-busy");
      answer.querySelectorAll("button[type=submit]").forEach(function (button) {
        if (button.dataset.idle) { button.textContent = button.dataset.idle; }
        button.disabled = false;
      });
    });
  });

  // Leaving the page with something typed and unsent (a comment, a reword, an answer) is asked about: each form below
  // says whether it has such (`unsent`). Not when the link to the page in the other language is followed and every
  // draft is kept in this tab's storage (`keptAll`): that page gives it back, and a member asked "leave page?" there
  // could cancel and never switch (sweep r38/BU, 6). Storage refused or full, the switch is asked about as before.
  const unsent = [];
  const keptAll = [];
  let switching = false;
  window.addEventListener("beforeunload", function (event) {
    if (switching) { switching = false; return; }  // once: a navigation stopped leaves the page asking again
    if (!unsent.some(function (typed) { return typed(); })) { return; }
    event.preventDefault();
    event.returnValue = "";
  });
  document.querySelectorAll(".review-nav a.language").forEach(function (link) {
    link.addEventListener("click", function () {
      switching = keptAll.every(function (kept) { return kept(); });
    });
  });
  window.addEventListener("pageshow", function () { switching = false; });

  // Whose drafts these are: the access link reading the page (`data-reader`, a mark of the link the server gives).
  // What is typed is kept under it, so a tab that goes on to another person's link (a shared computer, a second
  // drafter) never offers them the first one's draft, to send as their own (r39 sweep BX F3).
  const navigation = document.querySelector(".review-nav");
  const reader = navigation && navigation.dataset.reader ? navigation.dataset.reader : "";

  // A comment reworded ("Sửa ý kiến") or an answer typed on the comments page is kept as the comment form's is: in this
  // tab's storage as it is typed (one draft a form and reader; the form's address names the comment and what is done
  // with it), given back after a reload or a phone's pull-to-refresh, asked about before the page is left with it
  // unsent, and forgotten once the page the server answers with says it is saved (`#c-0e44-saved`). A reword typed on
  // a phone was lost to a pull-to-refresh with no question (sweep r38/BU, 1).
  const answerStore = (function () {
    try { return window.sessionStorage; } catch (e) { return null; }
  })();
  const answerForms = Array.prototype.slice.call(document.querySelectorAll("form.edit, form.respond, form.accept"));
  const savedNotice = document.querySelector(".notice.answered");
  const savedId = savedNotice ? savedNotice.id.replace(/^c-/, "").replace(/-saved$/, "") : "";
  function answerKey(answer) { return "regdraft-answer " + JSON.stringify([reader, answer.getAttribute("action")]); }
  function answerFields(answer) {
    return Array.prototype.slice.call(answer.querySelectorAll("textarea[name]:not([readonly]), select[name]"));
  }
  function loadedValue(field) {
    if (field.tagName !== "SELECT") { return field.defaultValue; }
    const options = Array.prototype.slice.call(field.options);
    const chosen = options.filter(function (option) { return option.defaultSelected; })[0] || options[0];
    return chosen ? chosen.value : "";
  }
  function answerTyped(answer) {
    return answerFields(answer).some(function (field) { return field.value !== loadedValue(field); });
  }
  // True when what the form holds is kept (or nothing is typed in it).
  function keepAnswer(answer) {
    if (!answerStore) { return !answerTyped(answer); }
    try {
      if (!answerTyped(answer)) { answerStore.removeItem(answerKey(answer)); return true; }
      const values = {};
      answerFields(answer).forEach(function (field) { values[field.name] = field.value; });
      const draft = JSON.stringify({values: values, sent: !!answer.dataset.sending});
      answerStore.setItem(answerKey(answer), draft);
      return answerStore.getItem(answerKey(answer)) === draft;
    } catch (e) { return false; /* storage refused or full: leaving the page is still asked about */ }
  }
  answerForms.forEach(function (answer) {
    // A draft kept before drafts were kept by reader (its key the form's address alone) is nobody's known: not given
    // back, to this reader or any other.
    try { if (answerStore) { answerStore.removeItem("regdraft-answer " + answer.getAttribute("action")); } } catch (e) {
      /* nothing kept */
    }
    let kept = null;
    try { kept = JSON.parse((answerStore && answerStore.getItem(answerKey(answer))) || "null"); } catch (e) { kept = null; }
    const about = (answer.getAttribute("action") || "").split("/").slice(-2)[0];
    if (kept && kept.sent && about === savedId) {
      try { answerStore.removeItem(answerKey(answer)); } catch (e) { /* nothing kept */ }
    } else if (kept && typeof kept.values === "object" && kept.values) {
      // Given back into boxes as loaded; a box the server filled again (an answer refused) keeps what it holds.
      answerFields(answer).forEach(function (field) {
        const value = kept.values[field.name];
        if (typeof value === "string" && field.value === loadedValue(field)) { field.value = value; }
      });
      const around = answer.closest("details");
      if (around && answerTyped(answer)) { around.open = true; }
    }
    answer.addEventListener("input", function () { keepAnswer(answer); });
    answer.addEventListener("change", function () { keepAnswer(answer); });
    answer.addEventListener("submit", function () { keepAnswer(answer); });
  });
  window.addEventListener("pagehide", function () {
    answerForms.forEach(function (answer) { if (!answer.dataset.sending) { keepAnswer(answer); } });
  });
  unsent.push(function () {
    return !answerForms.some(function (answer) { return answer.dataset.sending; }) && answerForms.some(answerTyped);
  });
  keptAll.push(function () { return answerForms.every(keepAnswer); });

  const form = document.getElementById("comment-form");
  if (!form) { return; }
  const on = document.getElementById("comment-on");
  const text = document.getElementById("comment-text");
  const proposal = document.getElementById("comment-proposal");
  const proposalBox = document.getElementById("proposal-box");
  const where = document.getElementById("comment-where");
  const typeField = form.elements.namedItem("type");
  const offer = document.getElementById("retarget-choice");
  // The text the wording editor opens with for each provision: every line of the page's texts once, and each text as
  // runs of them (`web.provision_texts`: an article's text holds its clauses' lines, which were sent again for each).
  const data = document.getElementById("provision-texts");
  const packed = data ? JSON.parse(data.textContent || "{}") : {};
  function textOf(address) {
    const runs = packed.texts && Object.prototype.hasOwnProperty.call(packed.texts, address) ? packed.texts[address]
      : null;
    if (!runs) { return undefined; }
    const out = [];
    for (let k = 0; k < runs.length; k += 2) {
      for (let n = runs[k]; n < runs[k] + runs[k + 1]; n += 1) { out.push(packed.lines[n]); }
    }
    return out.join("\n");
  }
  let quoted = "";      // the quotation this script put at the start of the comment
  let editorFrom = "";  // the text the wording editor was opened with
  let chosen = "";      // the provision and words chosen last (`address\u0000phrase`)
  let settling = 0;     // the timer of a selection still being changed (`selectionchange`)
  // The provision field shows the provision in words (`Tên Điều 7`), as a member reads it, not its code
  // (`d7.title`): `named` is what it shows for the address chosen, which is sent (`standsFor`).
  let named = {address: "", words: ""};
  let pending = null;   // words selected once the comment was written (`{address, phrase}`): offered, not chosen
  let sending = false;  // the form is being sent: leaving the page is not asked about

  // The page's words, rendered into the form by the server (words.yaml): no text lives in this file.
  // The words selected are quoted at the start of the comment as the comments page and the report quote a Word
  // comment's (`Về đoạn “…”:`), not in a form of their own.
  const said = {phrase: form.dataset.selectedPhrase || "{phrase}: {provision}",
                provision: form.dataset.selectedProvision || "{provision}",
                words: form.dataset.selectedWords || "“{words}”:"};

  // A provision as the page names it (`Khoản 2 Điều 5`), from the provision list; its address otherwise.
  function described(address) {
    const options = document.querySelectorAll("#provision-list option");
    for (let i = 0; i < options.length; i += 1) {
      if (options[i].value === address && options[i].textContent.trim()) { return options[i].textContent.trim(); }
    }
    return address;
  }

  // The provision the field stands for: the one chosen, while it shows its words; else what is typed in it.
  function standsFor() {
    return named.address && on.value === named.words ? named.address : on.value.trim();
  }

  function show(address) {
    const words = described(address);
    named = {address: address, words: words};
    on.value = words;
  }

  function provisionOf(node) {
    const element = node && (node.nodeType === 1 ? node : node.parentElement);
    return element ? element.closest("[data-on]") : null;
  }

  // The parts a node lies in (`data-part` of the paragraph holding it: a title, a lead-in, a dash item), outermost
  // first; none outside a part.
  function partsOf(node) {
    const element = node && (node.nodeType === 1 ? node : node.parentElement);
    const marked = element ? element.closest("[data-on], [data-part]") : null;
    return marked && marked.dataset.part ? marked.dataset.part.split(" ") : [];
  }

  // The smallest provision holding both ends of a selection, as a Word reply's change is placed: from point a)
  // into point b) of khoản 2 Điều 42 is `d42.k2` (the point it began in was chosen). Addresses are codes, largest
  // first (`d42.k2.a`): the provision holding both is their common head; none (two articles) is the whole draft.
  // Both ends in one part (words of an article's title, of a dash item) give the part, as its ✎ and a Word reply do:
  // the whole article was chosen, and the editor opened with all its clauses.
  function holding(selection) {
    const inPart = partsOf(selection.anchorNode);
    const both = partsOf(selection.focusNode).filter(function (part) { return inPart.indexOf(part) >= 0; });
    if (both.length) { return both[both.length - 1]; }
    const start = provisionOf(selection.anchorNode);
    const end = provisionOf(selection.focusNode);
    if (!start || !end) { return start || end ? (start || end).dataset.on : null; }
    const first = start.dataset.on.split("."), last = end.dataset.on.split(".");
    let shared = 0;
    while (shared < first.length && shared < last.length && first[shared] === last[shared]) { shared += 1; }
    return shared ? first.slice(0, shared).join(".") : "general";
  }

  // The paragraphs of a provision (`data-on`) or of a part (`data-part` lists the parts a paragraph lies in).
  function shown(address) {
    const quoted = '"' + CSS.escape(address) + '"';
    return document.querySelectorAll("[data-on=" + quoted + "], [data-part~=" + quoted + "]");
  }

  function highlight(address) {
    document.querySelectorAll(".selected-provision").forEach(function (el) {
      el.classList.remove("selected-provision");
    });
    shown(address).forEach(function (el) { el.classList.add("selected-provision"); });
  }

  // What the member wrote: the comment past the quotation put at its start, or a wording changed in the editor.
  function written() {
    const own = quoted && text.value.startsWith(quoted) ? text.value.slice(quoted.length) : text.value;
    return own.trim() !== "" || (proposal.value.trim() !== "" && proposal.value !== editorFrom);
  }

  function hideOffer() {
    pending = null;
    if (offer) { offer.hidden = true; }
  }

  // On a phone (or a narrow window) the form stands below the whole text, not beside it: a provision tapped there is
  // chosen where the member reads, and a line at the foot of the screen goes down to the comment box. Focusing the box
  // at once took the member away from the text they were reading, to the foot of a long law.
  const panel = document.getElementById("comment-panel");
  const writeHere = document.getElementById("write-here");
  const writeLink = document.getElementById("write-here-link");
  function formBelow() {
    return !!panel && window.getComputedStyle(panel).position !== "fixed";
  }
  function offerWriting(words) {
    if (!writeHere || !writeLink || !formBelow()) { return; }
    writeLink.textContent = (writeLink.dataset.write || "{provision}").replace("{provision}", function () { return words; });
    writeHere.hidden = false;
  }
  function hideWriting() {
    if (writeHere) { writeHere.hidden = true; }
  }
  if (writeLink) {
    writeLink.addEventListener("click", function (event) {
      event.preventDefault();
      hideWriting();
      text.focus();
    });
  }
  text.addEventListener("focus", hideWriting);

  // A provision picked in the text (words selected, a click): chosen while nothing is written; once something is,
  // offered with a button, the comment left where it is. A long press to look up a word on a phone moved a comment
  // written on khoản 3 to khoản 4, quote and all, out of the reader's sight.
  function pick(address, phrase, stay) {
    if (!offer || !written() || (address === standsFor() && !phrase)) {
      choose(address, phrase, stay);
      return;
    }
    if (address + "\u0000" + phrase === chosen) { return; }
    hideWriting();
    pending = {address: address, phrase: phrase};
    const current = named.words || on.value.trim() || on.placeholder;
    const fill = function (pattern, name, value) { return pattern.replace(name, function () { return value; }); };
    document.getElementById("retarget-ask").textContent = fill(offer.dataset.ask, "{current}", current);
    const there = phrase ? fill(fill(offer.dataset.words, "{provision}", described(address)), "{phrase}", phrase)
      : described(address);
    document.getElementById("retarget-yes").textContent = fill(offer.dataset.yes, "{provision}", there);
    document.getElementById("retarget-keep").textContent = fill(offer.dataset.keep, "{current}", current);
    offer.hidden = false;
  }

  function choose(address, phrase, stay) {
    hideOffer();
    const before = standsFor();
    chosen = address + "\u0000" + phrase;
    show(address);
    highlight(address);
    const words = named.words;
    // Said aloud too: `#comment-where` is a polite live region, and describes the comment box focused below.
    where.textContent = phrase
      ? said.phrase.replace("{provision}", function () { return words; })
        .replace("{phrase}", function () { return phrase; })
      : said.provision.replace("{provision}", function () { return words; });
    if (phrase) {
      const rest = text.value.startsWith(quoted) ? text.value.slice(quoted.length) : text.value;
      quoted = said.words.replace("{words}", function () { return phrase; }) + " ";
      text.value = quoted + rest;
    } else if (address !== before && quoted && text.value.startsWith(quoted)) {
      // Another provision clicked: the words quoted from the one before are not about this one.
      text.value = text.value.slice(quoted.length);
      quoted = "";
    }
    const current = textOf(address);
    if (current !== undefined && (proposal.value === "" || proposal.value === editorFrom)) {
      proposal.value = current;
      editorFrom = current;
    }
    offerWayBack(address, words);
    if (!stay) { text.focus(); } else { offerWriting(words); }
    keep();
  }

  // Beside "Đã chọn: …", a link back to the provision chosen: on a phone the comment box is below the whole text, and
  // choosing a provision far up a long law took the member there with no way back to reread it but scrolling.
  const back = document.getElementById("comment-back");
  const backLink = document.getElementById("comment-back-link");
  let backTo = "";
  function offerWayBack(address, words) {
    if (!back || !backLink || !shown(address).length) { return; }
    backTo = address;
    backLink.textContent = (backLink.dataset.back || "{provision}").replace("{provision}", function () { return words; });
    backLink.setAttribute("href", "#on-" + encodeURIComponent(address));
    back.hidden = false;
  }
  if (backLink) {
    backLink.addEventListener("click", function (event) {
      const target = backTo ? shown(backTo)[0] : null;
      if (!target) { return; }
      event.preventDefault();
      // The provision in the middle of the screen, and the focus there (a keyboard or a screen reader goes on from it);
      // the address is left alone: `#on-…` is the page's "just sent" mark.
      if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
      target.scrollIntoView({block: "center"});
      target.focus({preventScroll: true});
    });
  }

  // The words a reader selected, without those the redline shows as deleted.
  function selectedPhrase(selection) {
    const copy = document.createElement("div");
    copy.appendChild(selection.getRangeAt(0).cloneContents());
    copy.querySelectorAll("del, .said, .badge, .part-picks").forEach(function (el) { el.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  document.addEventListener("mouseup", function (event) {
    if (event.target.closest && event.target.closest(".comment-panel, .review-bar, a, .part-pick")) { return; }
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed && selection.rangeCount) {
      const address = holding(selection);
      if (address) { pick(address, selectedPhrase(selection), formBelow()); }
      return;
    }
    const clicked = provisionOf(event.target);
    if (clicked) { pick(clicked.dataset.on, "", formBelow()); }
  });

  // Words selected from the keyboard (Shift and the arrows, caret browsing) choose as the mouse does, once the
  // Shift key itself is let go: an arrow let go while Shift is held is a selection still being made (the first
  // one chose one letter and moved the caret into the comment box, where the next presses selected).
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") { return; }
    if (event.target.closest && event.target.closest(".comment-panel, .review-bar")) { return; }
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed && selection.rangeCount) {
      const address = holding(selection);
      if (address) { pick(address, selectedPhrase(selection)); }
    }
  });

  // Words selected on a phone (a long press, then the handles dragged) fire no mouseup and no key: the selection
  // is read once it has stopped changing, when both its ends are in the document's provisions. One inside the
  // form (typing in the comment or the editor moves the caret there) or outside the text changes nothing, and
  // the comment box is not focused: that would take the selection's handles away from the reader.
  document.addEventListener("selectionchange", function () {
    window.clearTimeout(settling);
    settling = window.setTimeout(function () {
      const selection = window.getSelection();
      if (!selection || selection.isCollapsed || !selection.rangeCount) { return; }
      const ends = [selection.anchorNode, selection.focusNode];
      if (!ends.every(function (node) { return provisionOf(node) || partsOf(node).length; })) { return; }
      const address = holding(selection);
      const phrase = selectedPhrase(selection);
      if (address && phrase && address + "\u0000" + phrase !== chosen) { pick(address, phrase, true); }
    }, 300);
  });

  // A part's button, clicked or pressed from the keyboard (Enter, Space), chooses the part: clicking
  // anywhere else in the provision still chooses the provision.
  document.addEventListener("click", function (event) {
    const pick = event.target.closest ? event.target.closest(".part-pick") : null;
    if (pick) {
      event.preventDefault();
      choose(pick.dataset.pick, "", formBelow());
    }
  });

  // A provision typed into the field is chosen as a click chooses it: marked, named, in the editor. Its short form
  // (`d16.k9`) is the page's own; one written in words (`khoản 1 Điều 19`, `Điều 19 khoản 1`) the server reads as
  // it reads a comment's (an empty editor was opened for it, and one line typed there became the whole clause).
  function typed(address) {
    on.value = "";  // `choose` compares with the provision chosen before
    named = {address: "", words: ""};
    choose(address, "");
  }

  on.addEventListener("change", function () {
    const written = on.value.trim();
    if (!written || written === "general" || written === named.words) { return; }
    if (shown(written).length) { typed(written); return; }
    const asked = form.getAttribute("action").replace(/comments$/, "provision") + "?words=" +
      encodeURIComponent(written);
    fetch(asked, {credentials: "same-origin"})
      .then(function (answer) { return answer.ok ? answer.json() : {on: ""}; })
      .then(function (read) {
        // Only when the field still holds what was asked about, and the page shows what it names.
        if (read.on && on.value.trim() === written && shown(read.on).length) { typed(read.on); }
      })
      .catch(function () { /* left as typed: the server reads it when the comment is sent */ });
  });

  proposalBox.addEventListener("toggle", function () {
    const current = textOf(standsFor());
    if (proposalBox.open && proposal.value === "" && current !== undefined) {
      proposal.value = current;
      editorFrom = proposal.value;
    }
  });

  // The offer answered: the comment moved to the words selected (the comment box focused, where it now says so), or
  // left where it is (those words are not offered again).
  if (offer) {
    document.getElementById("retarget-yes").addEventListener("click", function () {
      const asked = pending;
      hideOffer();
      if (asked) { choose(asked.address, asked.phrase); }
    });
    document.getElementById("retarget-keep").addEventListener("click", function () {
      if (pending) { chosen = pending.address + "\u0000" + pending.phrase; }
      hideOffer();
    });
  }

  // What was typed, kept in this tab's storage (it never leaves the browser) as it is typed, for a reload or a
  // phone's pull-to-refresh (the pages are `no-store`, so the browser keeps no form): one draft a page, round,
  // regulation and access link (the body and name the link fills in). The draft being sent is marked so (`sent`):
  // the page the server answers with once it is saved forgets that one, never one typed there since.
  const store = (function () {
    try { return window.sessionStorage; } catch (e) { return null; }
  })();
  function fixed(name) {
    const field = form.elements.namedItem(name);
    return field && field.readOnly ? field.defaultValue : "";
  }
  function valueOf(name) {
    const field = form.elements.namedItem(name);
    return field ? field.value : "";
  }
  // And the reader (`reader`, above): a drafter's link fills in no body or name, and two drafters' drafts were one.
  const draftKey = "regdraft-draft " + JSON.stringify([location.pathname, valueOf("round"), valueOf("regulation"),
    fixed("body"), fixed("name"), reader]);
  // A draft kept before drafts were kept by reader is nobody's known: not given back.
  try {
    if (store) {
      store.removeItem("regdraft-draft " + JSON.stringify([location.pathname, valueOf("round"), valueOf("regulation"),
        fixed("body"), fixed("name")]));
    }
  } catch (e) { /* nothing kept */ }

  // True when what the form holds is kept (or nothing is written in it).
  function keep() {
    const empty = !text.value.trim() && !(proposal.value.trim() && proposal.value !== editorFrom);
    if (!store) { return empty; }
    try {
      if (empty) {
        store.removeItem(draftKey);
        return true;
      }
      const draft = JSON.stringify({on: standsFor(), text: text.value, proposal: proposal.value,
        from: editorFrom, quoted: quoted, type: typeField ? typeField.value : "", body: valueOf("body"),
        name: valueOf("name"), sent: sending});
      store.setItem(draftKey, draft);
      return store.getItem(draftKey) === draft;
    } catch (e) { return false; /* storage refused or full: leaving the page is still asked about */ }
  }

  function forget() {
    try { if (store) { store.removeItem(draftKey); } } catch (e) { /* nothing kept */ }
  }

  function keptDraft() {
    let kept = null;
    try { kept = JSON.parse((store && store.getItem(draftKey)) || "null"); } catch (e) { kept = null; }
    return kept && typeof kept === "object" ? kept : null;
  }

  function restore() {
    const kept = keptDraft();
    if (!kept) { return; }
    const as = function (value) { return typeof value === "string" ? value : ""; };
    const address = as(kept.on);
    if (address && address !== "general") {
      if (shown(address).length) {
        show(address);
        highlight(address);
        where.textContent = said.provision.replace("{provision}", function () { return named.words; });
        offerWayBack(address, named.words);
      } else {
        on.value = address;
      }
    }
    text.value = as(kept.text);
    proposal.value = as(kept.proposal);
    editorFrom = as(kept.from);
    quoted = as(kept.quoted);
    if (proposal.value && proposal.value !== editorFrom) { proposalBox.open = true; }
    if (typeField && as(kept.type)) { typeField.value = as(kept.type); }
    ["body", "name"].forEach(function (name) {
      const field = form.elements.namedItem(name);
      if (field && !field.readOnly && !field.value && as(kept[name])) { field.value = as(kept[name]); }
    });
  }

  form.addEventListener("input", keep);
  form.addEventListener("change", keep);
  window.addEventListener("pagehide", function () { if (!sending) { keep(); } });
  // Leaving the page (a reload, a link, closing the tab) with a comment or a wording written and not sent is asked
  // about; sending it is not, nor switching language with it kept (above).
  unsent.push(function () { return !sending && written(); });
  keptAll.push(keep);

  form.addEventListener("submit", function () {
    sending = true;
    keep();
    hideOffer();
    hideWriting();
    // An untouched editor proposes nothing.
    if (proposal.value === editorFrom) { proposal.value = ""; }
    // The provision chosen is sent by its code, which the server reads as it always has.
    if (named.address && on.value === named.words) { on.value = named.address; }
  });

  // A form given back (a comment refused) holds the provision's code: shown in words, as chosen.
  function nameInWords() {
    if (on.value && on.value !== "general" && described(on.value) !== on.value) { show(on.value); }
  }
  nameInWords();
  // Back to this page from the one a comment was sent to: a browser that keeps pages (its back-forward cache) shows
  // the form as it was sent, the provision as its code (the form keeps no fields otherwise: `autocomplete="off"`).
  // Refused (the draft kept is still the one sent), the page that said so holds it: the form stays. Saved (its page
  // forgot that draft), the form comes back empty, or with a comment typed on that page since. The provision is named
  // in words.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && sending) {
      sending = false;
      const kept = keptDraft();
      if (kept && kept.sent) { nameInWords(); return; }
      text.value = "";
      proposal.value = "";
      editorFrom = "";
      quoted = "";
      if (kept) {
        on.value = "";
        restore();
      }
    }
    nameInWords();
  });

  // Back from sending a comment (`#on-d16.k9`): the provision commented on, not the top of a long law. The notice
  // that it was saved (`role="status"`) is moved just before it, where the member is, and given the focus: read out,
  // and the next Tab goes on from there. Without a provision shown, the notice is focused where it stands.
  const added = document.getElementById("added-notice");
  // Saved (the server said so): the draft sent is done with. One typed since on this page (then reloaded, or come back
  // to) is not: a fresh page gets back what was typed; a form the server gave back (a comment refused) holds it
  // already.
  const sentDraft = keptDraft();
  if (added && sentDraft && sentDraft.sent) {
    forget();
  } else if (!text.value && !proposal.value && !on.value) {
    restore();
  }
  let beside = false;
  if (location.hash.startsWith("#on-")) {
    const address = decodeURIComponent(location.hash.slice(4));
    const target = shown(address)[0];
    if (target) {
      // Before a heading's ✎ too, which stands just before the heading (outside it, so the heading is named by its
      // text alone): the button stays beside its heading.
      const picks = target.previousElementSibling;
      const first = picks && picks.classList.contains("part-picks") ? picks : target;
      if (added) { target.parentNode.insertBefore(added, first); beside = true; }
      target.scrollIntoView({block: "center"});
      highlight(address);
    }
  }
  if (added) {
    added.focus({preventScroll: beside});
    // Said once: a reload, or Back from another page, is the plain page again (the browser keeps where it was read),
    // not a second "saved" scrolled back to the provision of the comment sent before.
    const plain = new URLSearchParams(location.search);
    ["added", "again", "same"].forEach(function (name) { plain.delete(name); });
    const query = plain.toString();
    try {
      history.replaceState(history.state, "", location.pathname + (query ? "?" + query : ""));
    } catch (e) { /* the address stays as it was */ }
  }
})();
