// Accessibility fixes to Material's markup that its templates do not offer a setting for.
document.querySelectorAll(".md-search[role=dialog]").forEach(function (dialog) {
  if (!dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
});
