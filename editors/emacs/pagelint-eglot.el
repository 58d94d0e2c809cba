;;; pagelint-eglot.el --- pagelint's language server in eglot  -*- lexical-binding: t; -*-

;; `pagelint server' with eglot (built into Emacs 29; on Emacs 28, install
;; it from GNU ELPA or Debian's elpa-eglot). Findings as you type (through
;; Flymake), quick fixes (M-x eglot-code-actions), hover (eldoc) and
;; completion (completion-at-point). Put this file on `load-path' and:
;;
;;   (require 'pagelint-eglot)
;;   (add-hook 'markdown-mode-hook #'eglot-ensure)  ; or gfm-mode-hook
;;
;; eglot starts one server per project (the version-controlled folder),
;; and the server finds each document's Hugo site itself, so a repository
;; holding several sites works too.

;;; Code:

(require 'eglot)

(defcustom pagelint-eglot-program '("pagelint" "server")
  "The command that starts pagelint's language server."
  :type '(repeat string)
  :group 'eglot)

(defcustom pagelint-eglot-modes '(markdown-mode gfm-mode)
  "The major modes whose buffers pagelint's server checks."
  :type '(repeat symbol)
  :group 'eglot)

(add-to-list 'eglot-server-programs
             (cons pagelint-eglot-modes
                   (lambda (&rest _) pagelint-eglot-program)))

(provide 'pagelint-eglot)
;;; pagelint-eglot.el ends here
