"""Item 6: every password a person sets goes through Django's validators (length, common, numeric, similarity)."""
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AdminPasswordChangeForm, AdminUserCreationForm
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
STRONG = "Quartz-lantern-71-otter"


@pytest.mark.parametrize(
    ("password", "complaint"),
    [
        ("Zq7!x", "too short"),
        ("password123", "too common"),
        ("48213957120", "entirely numeric"),
        ("head.teacher.smith", "too similar"),
    ],
)
def test_validate_password_rejects_weak_passwords(password, complaint):
    user = get_user_model()(username="head.teacher.smith", email="head.teacher.smith@school.example")
    with pytest.raises(ValidationError) as info:
        validate_password(password, user=user)
    assert any(complaint in message for message in info.value.messages), info.value.messages


def test_validate_password_accepts_a_strong_password():
    validate_password(STRONG, user=get_user_model()(username="dpo"))


def test_admin_password_change_form_rejects_a_weak_password():
    user = UserFactory()
    form = AdminPasswordChangeForm(user, {"password1": "password123", "password2": "password123"})
    assert not form.is_valid()
    assert "too common" in str(form.errors)


def test_admin_add_user_form_rejects_a_weak_password():
    form = AdminUserCreationForm(
        {"username": "newdpo", "usable_password": "true", "password1": "12345678", "password2": "12345678"}
    )
    assert not form.is_valid()
    assert "entirely numeric" in str(form.errors) or "too common" in str(form.errors)


def test_admin_password_change_page_refuses_a_weak_password_and_keeps_the_old_one():
    admin = UserFactory(username="root-admin", is_staff=True, is_superuser=True)
    target = UserFactory()
    client = Client()
    client.force_login(admin)
    url = f"/admin/auth/user/{target.pk}/password/"
    response = client.post(url, {"password1": "qwerty", "password2": "qwerty", "usable_password": "true"})
    assert response.status_code == 200 and b"too short" in response.content
    target.refresh_from_db()
    assert target.check_password(PASSWORD)

    response = client.post(url, {"password1": STRONG, "password2": STRONG, "usable_password": "true"})
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.check_password(STRONG)
