"""How the shared snippets appear in the open data API."""

from rest_framework import serializers
from rest_framework.relations import RelatedField

from .models import Audience, District, Organisation, Person, Topic, Venue


class NamedSerializer(serializers.ModelSerializer):
    class Meta:
        fields = ["name", "slug"]


class TopicSerializer(NamedSerializer):
    class Meta(NamedSerializer.Meta):
        model = Topic


class AudienceSerializer(NamedSerializer):
    class Meta(NamedSerializer.Meta):
        model = Audience


class DistrictSerializer(NamedSerializer):
    class Meta(NamedSerializer.Meta):
        model = District


class OrganisationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["name", "url"]


class PersonSerializer(serializers.ModelSerializer):
    class Meta:
        model = Person
        fields = ["name", "role", "email", "phone"]


class VenueSerializer(serializers.ModelSerializer):
    class Meta:
        model = Venue
        fields = [
            "name",
            "street",
            "postal_code",
            "city",
            "latitude",
            "longitude",
            "step_free_access",
            "accessibility_notes",
        ]


def page_link(field, page):
    # Wagtail's API module needs the app registry, which is not ready while models load.
    from wagtail.api.v2.serializers import PageParentField

    return PageParentField.to_representation(field, page)


class VisiblePageField(RelatedField):
    """A linked page, shown like Wagtail shows a parent page, and only if the API lists
    that page itself (live, public): a link must not reveal a draft or a private page."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        page = getattr(instance, self.source)
        if page is not None and self.context["base_queryset"].filter(pk=page.pk).exists():
            return page
        return None

    def to_representation(self, page):
        return page_link(self, page)


class VisiblePagesField(serializers.Field):
    """Many linked pages, as :class:`VisiblePageField` shows one."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        linked = getattr(instance, self.source).all()
        return list(self.context["base_queryset"].filter(pk__in=linked.values("pk")).specific())

    def to_representation(self, pages):
        return [page_link(self, page) for page in pages]
