"""How a notice's own parts appear in the open data API."""

from rest_framework import serializers


class OpeningHoursSerializer(serializers.Field):
    """A notice's regular hours, one item per row: weekdays as schema.org names them
    ("Monday"), times as HH:MM."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return [
            {
                "weekdays": row.day_names,
                "opens": row.opens.strftime("%H:%M"),
                "closes": row.closes.strftime("%H:%M"),
            }
            for row in value.all()
        ]
