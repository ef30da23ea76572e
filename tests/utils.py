"""Helpers for asserting on what a citizen sees, and for posting the page editor's form."""

import html
import re

from django.forms import CheckboxInput
from wagtail.blocks import FieldBlock, ListBlock, StreamBlock, StructBlock
from wagtail.blocks.base import BlockField


def visible_text(markup):
    """The page's text as read aloud: tags removed, entities decoded, spaces collapsed."""
    markup = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", markup, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", markup))
    return re.sub(r"\s+", " ", text).strip()


def block_data(block, value, prefix):
    """The POST data the page editor's JavaScript sends for a StreamField value."""
    data = {}
    if isinstance(block, StreamBlock):
        data[f"{prefix}-count"] = len(value)
        for i, child in enumerate(value):
            data.update({f"{prefix}-{i}-type": child.block_type, f"{prefix}-{i}-id": child.id})
            data.update({f"{prefix}-{i}-deleted": "", f"{prefix}-{i}-order": i})
            data.update(block_data(child.block, child.value, f"{prefix}-{i}-value"))
    elif isinstance(block, ListBlock):
        children = value.bound_blocks
        data[f"{prefix}-count"] = len(children)
        for i, child in enumerate(children):
            data.update({f"{prefix}-{i}-id": child.id, f"{prefix}-{i}-deleted": ""})
            data[f"{prefix}-{i}-order"] = i
            data.update(block_data(block.child_block, child.value, f"{prefix}-{i}-value"))
    elif isinstance(block, StructBlock):
        for name, child in block.child_blocks.items():
            data.update(block_data(child, value.get(name), f"{prefix}-{name}"))
    elif isinstance(block, FieldBlock):
        data.update(field_data(block.field.widget, block.value_for_form(value), prefix))
    return data


def field_data(widget, value, name):
    if isinstance(widget, CheckboxInput):
        return {name: "on"} if value else {}
    if value is None:
        return {name: ""}
    if isinstance(value, (list, tuple)):
        return {name: [str(item) for item in value]}
    return {name: widget.format_value(value) or ""}


def edit_form_data(page, user, **changes):
    """What the page editor sends when one saves the page unchanged (apart from changes)."""
    page = page.get_latest_revision_as_object()
    return page_form_data(page, page.get_parent(), user, **changes)


def page_form_data(page, parent, user, **changes):
    """What the page editor's form sends for ``page`` under ``parent``, also for a new,
    unsaved page (its autosave sends the same, without the name of a button)."""
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(instance=page, parent_page=parent, for_user=user)
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field, BlockField):
            data.update(block_data(field.block, value, name))
        else:
            data.update(field_data(field.widget, value, name))
    for prefix, formset in form.formsets.items():
        management = formset.management_form.initial
        data.update({f"{prefix}-{key}": value for key, value in management.items()})
    data.update(changes)
    return data
