"""How the shared snippets appear in the open data API."""

from rest_framework import serializers

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
