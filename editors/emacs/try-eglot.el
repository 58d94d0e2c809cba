;;; try-eglot.el --- try pagelint-eglot.el in Emacs, in batch mode  -*- lexical-binding: t; -*-

;; PAGELINT_BIN=target/debug/pagelint emacs --batch -Q \
;;   -l editors/emacs/try-eglot.el FILE
;;
;; (It loads pagelint-eglot.el, beside it, once eglot is loaded.)
;;
;; Opens FILE with eglot and pagelint's server, prints the diagnostics
;; Flymake holds ("open LINE:COLUMN TYPE RULE", 1-based lines, 0-based
;; columns in characters, not display width), inserts an unsaved line with an emoji and CJK before
;; a broken image, prints them again ("edit ..."), shuts the server down
;; and prints its exit status. Needs eglot (elpa-eglot on Debian's Emacs
;; 28); without it, prints "SKIPPED: eglot".

;;; Code:

(require 'flymake)

(defvar pagelint-try--file (car (last command-line-args-left)))

(defun pagelint-try--out (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

(defun pagelint-try--wait (pred seconds)
  "Process events until PRED is true or SECONDS pass; PRED's value."
  (let ((deadline (+ (float-time) seconds)) result)
    (while (and (not (setq result (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    result))

(defun pagelint-try--diags ()
  (sort (mapcar (lambda (d)
                  (save-excursion
                    (goto-char (flymake-diagnostic-beg d))
                    (list (line-number-at-pos) (- (point) (line-beginning-position))
                          (flymake-diagnostic-type d)
                          (flymake-diagnostic-text d))))
                (flymake-diagnostics))
        (lambda (a b) (or (< (car a) (car b))
                          (and (= (car a) (car b)) (< (cadr a) (cadr b)))))))

(defun pagelint-try--dump (tag)
  (dolist (d (pagelint-try--diags))
    (pagelint-try--out "%s %d:%d %s %s" tag (nth 0 d) (nth 1 d)
                       (pcase (nth 2 d)
                         ((or 'eglot-error :error) "error")
                         ((or 'eglot-warning :warning) "warning")
                         (other (format "%s" other)))
                       ;; eglot shows "[source] message" or "source [code]: message";
                       ;; the rule is in the message's code part.
                       (let ((text (nth 3 d)))
                         (if (string-match "\\(empty-field\\|broken-image\\|[a-z]+-[a-z-]+\\)" text)
                             (match-string 1 text)
                           text)))))

(condition-case err
    (progn
      ;; -Q leaves out site-lisp, where Debian's elpa-* packages live.
      (dolist (dir '("/usr/share/emacs/site-lisp/elpa" "/usr/share/emacs/site-lisp/elpa-src"))
        (when (file-directory-p dir)
          (add-to-list 'package-directory-list dir)))
      (package-initialize)
      (unless (require 'eglot nil t)
        (pagelint-try--out "SKIPPED: eglot is not installed")
        (kill-emacs 0))
      (load (expand-file-name "pagelint-eglot.el"
                              (file-name-directory (or load-file-name buffer-file-name))))
      (setq pagelint-eglot-program (list (or (getenv "PAGELINT_BIN") "pagelint") "server"))
      ;; No markdown-mode in a bare Emacs: a stand-in mode of that name.
      (unless (fboundp 'markdown-mode)
        (define-derived-mode markdown-mode text-mode "Markdown"))
      (setq eglot-send-changes-idle-time 0.1)
      (find-file pagelint-try--file)
      (markdown-mode)
      (setq command-line-args-left nil)
      (eglot-ensure)
      ;; eglot-ensure starts the server after the command loop; in batch, run it.
      (run-hooks 'post-command-hook)
      (unless (pagelint-try--wait #'eglot-current-server 30)
        (error "eglot did not connect"))
      (flymake-start)
      (unless (pagelint-try--wait (lambda () (>= (length (flymake-diagnostics)) 3)) 30)
        (error "no diagnostics: %S" (flymake-diagnostics)))
      (pagelint-try--dump "open")
      (goto-char (point-min))
      (forward-line 12)
      (insert "😀 標題 ![](/images/posts/missing.png)\n")
      ;; eglot sends changes from an idle timer, which batch mode never
      ;; runs: send them now, as the timer would.
      (eglot--signal-textDocument/didChange)
      (unless (pagelint-try--wait (lambda () (>= (length (flymake-diagnostics)) 4)) 30)
        (error "no diagnostics after the edit: %S" (flymake-diagnostics)))
      (pagelint-try--dump "edit")
      ;; `eglot-shutdown' sends shutdown and exit, then kills the process at
      ;; once (jsonrpc-shutdown), before the server can exit by itself: send
      ;; the two messages here and let the server end on its own.
      (let* ((server (eglot-current-server))
             (process (jsonrpc--process server)))
        (setf (eglot--shutdown-requested server) t)
        (jsonrpc-request server :shutdown nil :timeout 10)
        (jsonrpc-notify server :exit nil)
        (pagelint-try--wait (lambda () (not (process-live-p process))) 10)
        (pagelint-try--out "exit %d" (process-exit-status process)))
      (set-buffer-modified-p nil)
      (kill-emacs 0))
  (error
   (pagelint-try--out "FAILED: %S" err)
   (kill-emacs 1)))

;;; try-eglot.el ends here
