// The review queue: "select all on this page" for the bulk review form.
(function () {
  var all = document.getElementById("select-all");
  if (!all) return;
  all.addEventListener("change", function () {
    document.querySelectorAll('#finding-rows input[name="keys"]').forEach(function (box) { box.checked = all.checked; });
  });
})();
