/// The page's only script: upload progress and dropping a file, and confirmations before
/// forgetting.
///
/// Every page works without it; it is served from this server (the policy allows
/// no inline script).
enum WebScript {
    /// The script's text.
    static let javascript = #"""
        "use strict";
        document.addEventListener("DOMContentLoaded", () => {
          for (const form of document.querySelectorAll("form[data-confirm]")) {
            form.addEventListener("submit", (event) => {
              if (!window.confirm(form.dataset.confirm)) event.preventDefault();
            });
          }
          const form = document.querySelector("form[data-upload]");
          if (!form) return;
          const input = form.querySelector("input[type=file]");
          const zone = form.querySelector(".drop");
          const bar = form.querySelector("progress");
          const status = form.querySelector("[data-status]");
          for (const name of ["dragenter", "dragover"]) {
            zone.addEventListener(name, (event) => { event.preventDefault(); zone.classList.add("over"); });
          }
          for (const name of ["dragleave", "drop"]) {
            zone.addEventListener(name, () => zone.classList.remove("over"));
          }
          zone.addEventListener("drop", (event) => {
            event.preventDefault();
            if (event.dataTransfer.files.length) {
              input.files = event.dataTransfer.files;
              status.textContent = event.dataTransfer.files[0].name + " chosen";
            }
          });
          input.addEventListener("change", () => {
            if (input.files.length) status.textContent = input.files[0].name + " chosen";
          });
          form.addEventListener("submit", (event) => {
            if (!input.files.length) return;
            event.preventDefault();
            const request = new XMLHttpRequest();
            request.open("POST", form.action);
            request.setRequestHeader("X-Recall-Page", "upload");
            bar.hidden = false;
            bar.value = 0;
            status.textContent = "Sending…";
            request.upload.addEventListener("progress", (progress) => {
              if (progress.lengthComputable) {
                bar.value = progress.loaded / progress.total;
                status.textContent = progress.loaded < progress.total
                  ? "Sending… " + Math.round(100 * progress.loaded / progress.total) + "%"
                  : "Importing…";
              }
            });
            request.addEventListener("load", () => {
              const page = new DOMParser().parseFromString(request.responseText, "text/html");
              const result = page.querySelector("#upload-result") || page.querySelector("main");
              const target = document.querySelector("#upload-result");
              target.replaceChildren(...result.childNodes);
              bar.value = 1;
              status.textContent = request.status === 200 ? "Done." : "The upload failed.";
              target.focus();
            });
            request.addEventListener("error", () => { status.textContent = "The connection failed; nothing was imported."; });
            request.send(new FormData(form));
          });
        });
        """#
}
