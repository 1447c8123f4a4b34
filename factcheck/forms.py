"""The editors' forms: fields, limits and CSRF protection (Flask-WTF) for every POST."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    DateField,
    HiddenField,
    IntegerField,
    PasswordField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    URL,
    AnyOf,
    DataRequired,
    InputRequired,
    Length,
    Optional,
    ValidationError,
)

from .frontmatter import latest_published
from .models import EDITOR_LABELS, ROLES


def not_in_the_future(form: FlaskForm, field: DateField) -> None:
    """Refuse a publication date after tomorrow (UTC): reports are not published ahead."""
    if field.data is not None and field.data > latest_published():
        raise ValidationError("The publication date is in the future.")


class SignInForm(FlaskForm):
    """Username and password."""

    username = StringField("Username", validators=[DataRequired(), Length(max=80)],
                           render_kw={"autocomplete": "username", "autocapitalize": "none"})
    password = PasswordField("Password", validators=[DataRequired()],
                             render_kw={"autocomplete": "current-password"})
    next = HiddenField()


class StoryForm(FlaskForm):
    """A new story: a title and an optional description."""

    title = StringField("Title", validators=[
        DataRequired("Give the story a title."), Length(max=300)])
    description = TextAreaField("Description", validators=[Optional(), Length(max=5000)],
                                render_kw={"rows": 2})


class ReportForm(FlaskForm):
    """A new report: metadata, and its text pasted, uploaded as a file, or fetched."""

    outlet = StringField("Outlet", validators=[
        DataRequired("Name the outlet that published it, e.g. Reuters."), Length(max=200)])
    title = StringField("Headline", validators=[Optional(), Length(max=500)])
    published = DateField("Published", validators=[Optional(), not_in_the_future])
    url = StringField("Link to the article",
                      validators=[Optional(), URL(require_tld=False), Length(max=2000)],
                      render_kw={"inputmode": "url", "placeholder": "https://"})
    text = TextAreaField("Paste the article text", render_kw={"rows": 8})
    file = FileField("…or upload an HTML or text file",
                     render_kw={"accept": ".txt,.md,.html,.htm,text/plain,text/html"})
    # Which addresses may be fetched is decided by fetch_report (it refuses private ones).
    fetch_url = StringField("…or fetch it from this address",
                            validators=[Optional(), URL(require_tld=False), Length(max=2000)],
                            render_kw={"inputmode": "url", "placeholder": "https://"})


class ReviewForm(FlaskForm):
    """An editor's decision on a pair; ``version`` turns a stale form into a 409."""

    version = IntegerField(widget=HiddenField.widget, validators=[InputRequired()])
    # Sent by the label buttons; plain strings, since WTForms deprecates tuple choices.
    label = StringField("Label", validators=[Optional(), AnyOf(EDITOR_LABELS)])
    action = HiddenField()
    note = TextAreaField("Note", validators=[Optional(), Length(max=5000)],
                         render_kw={"rows": 3})


class UserForm(FlaskForm):
    """A new account, made by an admin."""

    username = StringField("Username", validators=[DataRequired(), Length(max=80)],
                           render_kw={"autocomplete": "off", "autocapitalize": "none"})
    role = StringField("Role", validators=[DataRequired(), AnyOf(ROLES)], default="editor")
    password = PasswordField("Password", validators=[DataRequired(), Length(min=8)],
                             render_kw={"autocomplete": "new-password"})


class ConfirmForm(FlaskForm):
    """A button that changes state (sign out, delete): only its CSRF token."""
