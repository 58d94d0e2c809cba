;;; try-pagelint.el --- try pagelint.el in batch mode  -*- lexical-binding: t; -*-
;;
;;   emacs --batch -Q -l editors/emacs/pagelint.el -l editors/emacs/try-pagelint.el FILE
;;
;; 1. Flymake: visits FILE, turns on `pagelint-setup-flymake', starts a check,
;;    waits for it and prints `flymake-diagnostics' (position, type, text, and
;;    the buffer text where the diagnostic starts).
;; 2. Compile: runs `pagelint-compile' in FILE's folder, waits for it, then
;;    walks the *pagelint* buffer with `next-error' and prints where each
;;    error lands (file, line, column, type, text at point).
;; Exits 1 when either finds nothing.

(defun try-pagelint--say (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

(defun try-pagelint--here ()
  (buffer-substring-no-properties (point) (min (line-end-position) (+ (point) 12))))

(let* ((file (expand-file-name (car command-line-args-left)))
       (flymake-count 0) (compile-count 0))
  (setq command-line-args-left nil)

  ;; 1. Flymake
  (with-current-buffer (find-file-noselect file)
    (pagelint-setup-flymake)
    (flymake-start)
    (with-timeout (15 (try-pagelint--say "flymake: timed out"))
      (while (not (memq 'pagelint-flymake (flymake-reporting-backends)))
        (accept-process-output nil 0.05)))
    (try-pagelint--say "flymake-diagnostics in %s:" (file-name-nondirectory file))
    (dolist (d (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a)
                                                            (flymake-diagnostic-beg b)))))
      (setq flymake-count (1+ flymake-count))
      (save-excursion
        (goto-char (flymake-diagnostic-beg d))
        (try-pagelint--say "  %d:%d %s %s   text at beg: %S"
                           (line-number-at-pos) (1+ (- (point) (line-beginning-position)))
                           (flymake-diagnostic-type d) (flymake-diagnostic-text d)
                           (try-pagelint--here)))))

  ;; 2. Compile
  (let* ((default-directory (file-name-directory file))
         (buf (pagelint-compile)))
    ;; Wait for compilation-mode's closing line, not only for the process to end:
    ;; its last output and the sentinel can come after the process is gone.
    (with-timeout (30 (try-pagelint--say "compile: timed out"))
      (while (not (with-current-buffer buf
                    (save-excursion
                      (goto-char (point-min))
                      (re-search-forward "^pagelint \\(finished\\|exited\\)" nil t))))
        (accept-process-output nil 0.05)))
    (with-current-buffer buf
      (try-pagelint--say "*pagelint* buffer:\n%s" (buffer-string))
      (goto-char (point-min)))
    (setq next-error-last-buffer buf)
    (try-pagelint--say "next-error walk:")
    (condition-case nil
        (while t
          (next-error (if (= compile-count 0) '(4) 1))
          (setq compile-count (1+ compile-count))
          (let* ((msg (with-current-buffer buf
                        (get-text-property compilation-current-error
                                           'compilation-message)))
                 (marker (compilation--loc->marker (compilation--message->loc msg))))
            (with-current-buffer (marker-buffer marker)
              (save-excursion
                (goto-char marker)
                (try-pagelint--say "  %s:%d:%d %s   text at point: %S"
                                   (file-relative-name buffer-file-name
                                                       (file-name-directory file))
                                   (line-number-at-pos) (1+ (- (point) (line-beginning-position)))
                                   (aref ["info" "warning" "error"]
                                         (compilation--message->type msg))
                                   (try-pagelint--here))))))
      (user-error nil)))

  (try-pagelint--say "flymake diagnostics: %d, compile errors visited: %d"
                     flymake-count compile-count)
  (kill-emacs (if (and (> flymake-count 0) (> compile-count 0)) 0 1)))
