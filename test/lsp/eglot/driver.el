;;; driver.el --- drive the Goalpost language server from Emacs with eglot, in batch mode  -*- lexical-binding: t -*-
;; Loads the README's eglot configuration (init.el, which test/lsp/eglot.test.ts checks is the README's
;; text), opens a goals file, and writes what Emacs saw (Flymake diagnostics, the ElDoc hover text, xref
;; definitions, a quick fix applied) to a JSON file for the mocha test. Run in the workspace folder as:
;;   emacs --batch -Q -l driver.el
;; with GOALPOST_CONFIG, GOALPOST_FILE and GOALPOST_OUT in the environment and goalpost-language-server on
;; PATH. `goalpost-wait' processes the server's output until a condition holds (or the bound passes): it
;; waits on events, it never sleeps a fixed time.

(require 'json)
(require 'cl-lib)
(require 'package)
;; -Q skips Debian's site start-up, which is what makes elpa-eglot loadable; Emacs 29+ has eglot built in.
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(require 'eglot)

(defconst goalpost-timeout 20.0 "Seconds to wait for any one event.")

(defvar goalpost-out nil "What Emacs saw, as an alist for `json-encode'.")
(defvar goalpost-messages nil "Messages the server showed (window/showMessage), newest first.")
(defvar goalpost-registrations nil "Methods the server registered capabilities for, newest first.")

(defun goalpost-record (key value)
  "Record VALUE under KEY in the report."
  (push (cons key value) goalpost-out))

(defun goalpost-wait (what condition)
  "Process events until CONDITION returns non-nil; signal an error naming WHAT after `goalpost-timeout'."
  (let ((deadline (+ (float-time) goalpost-timeout)))
    (while (not (funcall condition))
      (when (> (float-time) deadline) (error "Timed out waiting for %s" what))
      ;; Returns as soon as any process (the server) sends output, or after 50 ms to re-check the condition.
      (accept-process-output nil 0.05))))

(defun goalpost-position-of (needle &optional offset)
  "Point at the first NEEDLE of the buffer, plus OFFSET characters."
  (save-excursion
    (goto-char (point-min))
    (unless (search-forward needle nil t) (error "Not in the buffer: %s" needle))
    (+ (match-beginning 0) (or offset 0))))

(defun goalpost-run ()
  "Open the goals file through the configuration and record what eglot shows."
  ;; Observe, without changing what the configuration does: messages and capability registrations.
  (advice-add 'eglot-handle-notification :before
              (lambda (_server method &rest params)
                (when (eq method 'window/showMessage) (push (plist-get params :message) goalpost-messages))))
  (advice-add 'eglot-register-capability :before
              (lambda (_server method &rest _) (push (symbol-name method) goalpost-registrations)))
  (load (getenv "GOALPOST_CONFIG") nil t)
  (find-file (getenv "GOALPOST_FILE"))
  (goalpost-record 'mode (symbol-name major-mode))
  ;; eglot-ensure connects from `post-command-hook', once the command that opened the file is over; batch
  ;; mode has no command loop, so the driver ends the "command" itself.
  (run-hooks 'post-command-hook)
  (goalpost-wait "eglot to manage the buffer" (lambda () (bound-and-true-p eglot--managed-mode)))
  (let ((server (eglot-current-server)))
    (goalpost-record 'serverName (eglot--project-nickname server))
    ;; Flymake runs its backends when the buffer is shown; a batch session shows nothing, so start it.
    (flymake-start)
    (goalpost-wait "diagnostics" (lambda () (flymake-diagnostics)))
    (goalpost-record
     'diagnostics
     (vconcat (mapcar (lambda (diagnostic)
                        (let ((beg (flymake-diagnostic-beg diagnostic)))
                          `((line . ,(1- (line-number-at-pos beg)))
                            (col . ,(save-excursion (goto-char beg) (current-column)))
                            (type . ,(symbol-name (flymake-diagnostic-type diagnostic)))
                            (text . ,(flymake-diagnostic-text diagnostic)))))
                      (flymake-diagnostics))))

    ;; Hover on the goal's id, as ElDoc shows it (eglot renders markdown only when markdown-mode is there).
    (goto-char (goalpost-position-of "ig-traffic" 1))
    (let (hover)
      (eglot-hover-eldoc-function (lambda (info &rest _) (setq hover (or info ""))))
      (goalpost-wait "the hover" (lambda () hover))
      (goalpost-record 'hover (substring-no-properties hover)))
    (goalpost-record 'hoverFormats (plist-get (plist-get (plist-get (eglot-client-capabilities server) :textDocument) :hover) :contentFormat))

    ;; Go to the definition of the objective, which the other (unopened) file defines, through xref.
    (goto-char (goalpost-position-of "grow-online-revenue" 1))
    (goalpost-record
     'definition
     (vconcat (mapcar (lambda (item)
                        (let ((location (xref-item-location item)))
                          `((file . ,(xref-location-group location)) (line . ,(1- (xref-location-line location))))))
                      (xref-backend-definitions 'eglot (xref-backend-identifier-at-point 'eglot)))))

    ;; The quick fixes at the unknown reference; then `C-u M-x eglot-code-actions RET quickfix RET RET' as
    ;; typed at the keyboard: eglot asks which action with the preferred one as the default, and the test
    ;; feeds the last RET on standard input (where batch mode's minibuffer reads), which accepts it.
    (let* ((at (goalpost-position-of "grow-online-revenu]" 1))
           (actions (eglot-code-actions at at "quickfix")))
      (goalpost-record 'codeActions (vconcat (mapcar (lambda (action)
                                                       `((title . ,(plist-get action :title))
                                                         (kind . ,(plist-get action :kind))
                                                         (isPreferred . ,(if (eq (plist-get action :isPreferred) t) t :json-false))))
                                                     actions)))
      (let ((last-nonmenu-event ?\r))
        (eglot-code-actions at at "quickfix" t))
      (goalpost-record 'fixedLine (save-excursion (goto-char at) (buffer-substring-no-properties (line-beginning-position) (line-end-position)))))
    ;; eglot sends changes when Emacs is idle, which a batch session never is; saving (C-x C-s) sends them
    ;; at once, and the server answers with no diagnostics for the fixed text.
    (save-buffer)
    (goalpost-wait "the diagnostics of the fixed text" (lambda () (null (flymake-diagnostics))))
    (goalpost-record 'diagnosticsAfterFix (length (flymake-diagnostics)))

    (goalpost-record 'messages (vconcat (reverse goalpost-messages)))
    (goalpost-record 'registrations (vconcat (reverse goalpost-registrations)))
    ;; eglot asks the server to shut down (an error here if it does not answer within 1.5 s), then
    ;; deletes the process without waiting for it to exit, so its exit status says nothing.
    (eglot-shutdown server)
    (goalpost-record 'shutdown t)))

(let ((ok (condition-case err (progn (goalpost-run) t)
            (error (goalpost-record 'error (error-message-string err)) nil))))
  (with-temp-file (getenv "GOALPOST_OUT") (insert (json-encode goalpost-out)))
  (kill-emacs (if ok 0 1)))
