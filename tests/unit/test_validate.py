"""Form rules for contacts and companies."""

from __future__ import annotations

import pytest

from informa.domain.errors import ValidationError
from informa.domain.model import CompanyDraft, ContactDraft, Source
from informa.domain.validate import (
    MAX_NAME,
    check_company,
    check_contact,
    check_email,
    check_url,
    normalize_tags,
)


def contact_error(**fields: str) -> ValidationError:
    draft = ContactDraft(**{"name": "Dana", **fields})  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as caught:
        check_contact(draft)
    return caught.value


@pytest.mark.parametrize("name", ["", "   ", "\n\t "])
def test_name_is_required(name: str) -> None:
    error = contact_error(name=name)
    assert error.field == "name"
    assert str(error) == "A name is required"


def test_name_length_is_limited() -> None:
    assert check_contact(ContactDraft(name="x" * MAX_NAME)).name == "x" * MAX_NAME
    error = contact_error(name="x" * (MAX_NAME + 1))
    assert error.field == "name"
    assert "longer than 200" in str(error)


def test_whitespace_is_folded() -> None:
    checked = check_contact(
        ContactDraft(
            name="  Dana \n  Lee ",
            role=" Data\t scientist ",
            company="  Acme   Labs ",
            location=" Berlin ,\n Germany",
        )
    )
    assert checked.name == "Dana Lee"
    assert checked.role == "Data scientist"
    assert checked.company == "Acme Labs"
    assert checked.location == "Berlin , Germany"


def test_other_fields_are_kept() -> None:
    draft = ContactDraft(
        name="Dana",
        source=Source.ALUMNI,
        referred_by_id=7,
        notes="  keep\n  my   spacing  ",
    )
    checked = check_contact(draft)
    assert (checked.source, checked.referred_by_id) == (Source.ALUMNI, 7)
    assert checked.notes == "  keep\n  my   spacing  "


@pytest.mark.parametrize("email", ["dana", "dana@example", "da na@example.com", "@example.com"])
def test_bad_email_is_rejected(email: str) -> None:
    error = contact_error(email=email)
    assert error.field == "email"
    assert str(error) == f"'{email}' is not an email address"


def test_good_email_is_trimmed_and_empty_is_allowed() -> None:
    assert check_contact(ContactDraft(name="Dana", email=" dana@example.com ")).email == (
        "dana@example.com"
    )
    assert check_contact(ContactDraft(name="Dana", email="  ")).email == ""


def test_linkedin_without_a_scheme_gets_https() -> None:
    checked = check_contact(ContactDraft(name="Dana", linkedin_url=" linkedin.com/in/dana "))
    assert checked.linkedin_url == "https://linkedin.com/in/dana"


def test_linkedin_with_a_scheme_is_kept() -> None:
    for url in ("https://www.linkedin.com/in/dana", "http://linkedin.com/in/dana"):
        assert check_contact(ContactDraft(name="Dana", linkedin_url=url)).linkedin_url == url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "ftp://x",
        "https://",
        "https://linked in.com/dana",
        "file:///etc/passwd",
        "http://[x",  # urlsplit raises on an unclosed IPv6 bracket
    ],
)
def test_linkedin_that_is_not_a_web_address_is_rejected(url: str) -> None:
    error = contact_error(linkedin_url=url)
    assert error.field == "linkedin_url"
    assert str(error) == f"'{url}' is not a web address (http:// or https://)"


def test_tags_are_normalised() -> None:
    checked = check_contact(
        ContactDraft(
            name="Dana",
            tags=("Data Science", "data science", " ML ", "ml", "", "  ", "C++", "--x--"),
        )
    )
    assert checked.tags == ("data-science", "ml", "c++", "x")


def test_normalize_tags_keeps_first_order_and_limits_length() -> None:
    assert normalize_tags(["b", "a", "B"]) == ("b", "a")
    assert normalize_tags(["x" * 80]) == ("x" * 50,)
    assert normalize_tags([]) == ()


def test_check_email_and_check_url_name_their_field() -> None:
    with pytest.raises(ValidationError) as caught:
        check_email("nope", field="work_email")
    assert caught.value.field == "work_email"
    with pytest.raises(ValidationError) as caught:
        check_url("ftp://x", field="website")
    assert caught.value.field == "website"
    assert check_url("") == ""


def test_check_company() -> None:
    checked = check_company(
        CompanyDraft(name="  Acme \n Labs ", industry=" Bio  tech ", website="acme.example")
    )
    assert (checked.name, checked.industry, checked.website) == (
        "Acme Labs",
        "Bio tech",
        "https://acme.example",
    )
    with pytest.raises(ValidationError) as caught:
        check_company(CompanyDraft(name=" "))
    assert caught.value.field == "name"
    assert str(caught.value) == "A company name is required"
    with pytest.raises(ValidationError) as caught:
        check_company(CompanyDraft(name="Acme", website="ftp://acme.example"))
    assert caught.value.field == "website"


def test_company_website_javascript_is_rejected() -> None:
    with pytest.raises(ValidationError) as caught:
        check_company(CompanyDraft(name="Acme", website="javascript:void(0)"))
    assert caught.value.field == "website"
