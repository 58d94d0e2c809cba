;;; pagelint.el --- pagelint for Emacs: a Flymake backend and M-x compile  -*- lexical-binding: t; -*-

;; Put this file on `load-path' and add to your init file:
;;
;;   (require 'pagelint)
;;   (add-hook 'markdown-mode-hook #'pagelint-setup-flymake)  ; lint as you type
;;
;; and `M-x pagelint-compile' lints the whole site into a *pagelint* buffer
;; whose lines jump to the findings (plain `M-x compile' with
;; "pagelint check --format concise" works too, through
;; `compilation-error-regexp-alist').
;;
;; The Flymake backend pipes the buffer to
;; `pagelint check --format concise --stdin-filename FILE -', so unsaved text
;; is checked with the schema, images and shortcodes of the file's site.
;; pagelint's columns count characters, as `flymake-diag-region' does.

;;; Code:

(require 'compile)
(require 'flymake)
(require 'subr-x)

(defgroup pagelint nil
  "Lint the Markdown content of Hugo sites."
  :group 'tools)

(defcustom pagelint-executable "pagelint"
  "The pagelint program."
  :type 'string)

(defcustom pagelint-file-regexp "/content/.*\\.\\(md\\|markdown\\|mdown\\)\\'"
  "Files that `pagelint-setup-flymake' turns Flymake on for.
pagelint checks any file it is given as a page of the site around it, so a
README.md or an archetype would get findings that make no sense: by
default only Markdown under a `content' folder is linted."
  :type 'regexp)

(defconst pagelint-concise-regexp
  (concat "^\\(.+?\\):\\([0-9]+\\):\\([0-9]+\\): "
          "\\(?:error\\|\\(warning\\)\\)\\[\\([a-z0-9-]+\\)\\] \\(.*\\)$")
  "One line of `pagelint check --format concise'.
Groups: 1 file, 2 line, 3 column, 4 present for a warning, 5 rule, 6 message.")

;;;; Flymake

(defvar-local pagelint--flymake-proc nil)

(defun pagelint-flymake (report-fn &rest _args)
  "Flymake backend: lint the buffer with pagelint and call REPORT-FN."
  (unless (executable-find pagelint-executable)
    (error "Cannot find %s" pagelint-executable))
  (when (process-live-p pagelint--flymake-proc)
    (kill-process pagelint--flymake-proc))
  (let ((source (current-buffer))
        (name (or buffer-file-name (expand-file-name (buffer-name)))))
    (save-restriction
      (widen)
      (setq pagelint--flymake-proc
            (make-process
             :name "pagelint-flymake" :noquery t :connection-type 'pipe
             :buffer (generate-new-buffer " *pagelint-flymake*")
             :command (list pagelint-executable "check" "--format" "concise"
                            "--color" "never" "--stdin-filename" name "-")
             :sentinel
             (lambda (proc _event)
               (when (memq (process-status proc) '(exit signal))
                 (unwind-protect
                     (if (not (eq proc (buffer-local-value 'pagelint--flymake-proc source)))
                         (flymake-log :warning "Canceling obsolete check %s" proc)
                       (with-current-buffer (process-buffer proc)
                         (goto-char (point-min))
                         (let (diags)
                           (while (re-search-forward pagelint-concise-regexp nil t)
                             (let ((region (flymake-diag-region
                                            source
                                            (string-to-number (match-string 2))
                                            (string-to-number (match-string 3)))))
                               (when region
                                 (push (flymake-make-diagnostic
                                        source (car region) (cdr region)
                                        (if (match-beginning 4) :warning :error)
                                        (format "%s [%s]" (match-string 6) (match-string 5)))
                                       diags))))
                           ;; Exit 0: clean, 1: errors found, 2: pagelint could not run.
                           (if (memq (process-exit-status proc) '(0 1))
                               (funcall report-fn (nreverse diags))
                             (funcall report-fn :panic :explanation
                                      (string-trim (buffer-string)))))))
                   (kill-buffer (process-buffer proc)))))))
      (process-send-region pagelint--flymake-proc (point-min) (point-max))
      (process-send-eof pagelint--flymake-proc))))

;;;###autoload
(defun pagelint-setup-flymake ()
  "Use pagelint as a Flymake backend in this buffer, and turn Flymake on.
Does nothing unless the buffer's file matches `pagelint-file-regexp'."
  (when (and buffer-file-name (string-match-p pagelint-file-regexp buffer-file-name))
    (add-hook 'flymake-diagnostic-functions #'pagelint-flymake nil t)
    (flymake-mode 1)))

;;;; M-x compile

(add-to-list 'compilation-error-regexp-alist-alist
             `(pagelint ,pagelint-concise-regexp 1 2 3 (4)))
(add-to-list 'compilation-error-regexp-alist 'pagelint)

(define-compilation-mode pagelint-compilation-mode "pagelint"
  "Compilation mode for pagelint's concise report."
  (setq-local compilation-error-regexp-alist '(pagelint))
  ;; pagelint counts characters; the default counts screen columns, which
  ;; differ on lines with CJK (double-width) text.
  (setq-local compilation-error-screen-columns nil))

;;;###autoload
(defun pagelint-compile (&optional args)
  "Lint the site around `default-directory' with pagelint; ARGS are appended."
  (interactive (list (read-string "pagelint check " nil nil "")))
  (compilation-start
   (concat (shell-quote-argument pagelint-executable)
           " check --format concise --color never " (or args ""))
   #'pagelint-compilation-mode))

(provide 'pagelint)
;;; pagelint.el ends here
