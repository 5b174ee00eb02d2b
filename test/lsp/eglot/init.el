;; Goal files get a mode of their own, so that only they start the server: YAML's mode where there is one.
(cond ((fboundp 'yaml-ts-mode) (define-derived-mode goals-mode yaml-ts-mode "Goals"))
      ((fboundp 'yaml-mode) (define-derived-mode goals-mode yaml-mode "Goals"))
      (t (define-derived-mode goals-mode prog-mode "Goals" (setq-local comment-start "# "))))
(add-to-list 'auto-mode-alist '("\\.goals\\.ya?ml\\'" . goals-mode))
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs '(goals-mode "goalpost-language-server" "--stdio")))
(add-hook 'goals-mode-hook #'eglot-ensure)
;; Optional: pin the check date for a project (or in its .dir-locals.el).
(setq-default eglot-workspace-configuration '(:goalpost (:today "")))
