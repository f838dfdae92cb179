from django.apps import AppConfig


class SecurityConfig(AppConfig):
    """Project-level wiring with no models: the security event log (config/security.py)."""

    name = "config"
    label = "policylens_config"
    verbose_name = "PolicyLens configuration"

    def ready(self):
        from axes.signals import user_locked_out
        from django.contrib.auth import signals

        from config import security

        signals.user_logged_in.connect(security.on_logged_in, dispatch_uid="policylens-security-login")
        signals.user_logged_out.connect(security.on_logged_out, dispatch_uid="policylens-security-logout")
        signals.user_login_failed.connect(security.on_login_failed, dispatch_uid="policylens-security-login-failed")
        user_locked_out.connect(security.on_locked_out, dispatch_uid="policylens-security-locked-out")
