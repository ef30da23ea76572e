"""schema.org ``Event`` for an event page (https://schema.org/Event)."""

from .choices import EventStatus

EVENT_STATUS = {
    EventStatus.SAVE_THE_DATE: "EventScheduled",
    EventStatus.SCHEDULED: "EventScheduled",
    EventStatus.POSTPONED: "EventPostponed",
    EventStatus.CANCELLED: "EventCancelled",
    EventStatus.MOVED_ONLINE: "EventMovedOnline",
}


def event_json_ld(event, request):
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": event.get_full_url(request),
        "inLanguage": event.locale.language_code,
        "startDate": event.local_start.date().isoformat()
        if event.all_day
        else event.local_start.isoformat(),
        "eventAttendanceMode": f"https://schema.org/{event.attendance_mode}",
    }
    if event.end:
        data["endDate"] = (
            event.local_end.date().isoformat() if event.all_day else event.local_end.isoformat()
        )
    status = EVENT_STATUS[event.status]
    state = event.published_calendar_state
    if status == "EventScheduled" and state and state.previous_start:
        status = "EventRescheduled"
        data["previousStartDate"] = state.previous_start.astimezone(
            event.local_start.tzinfo
        ).isoformat()
    data["eventStatus"] = f"https://schema.org/{status}"
    if description := event.meta_description():
        data["description"] = description
    locations = []
    if event.venue and event.status != EventStatus.MOVED_ONLINE:
        venue = event.venue
        place = {
            "@type": "Place",
            "name": venue.name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": venue.street,
                "postalCode": venue.postal_code,
                "addressLocality": venue.city,
                "addressCountry": "DE",
            },
        }
        if venue.latitude is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(venue.latitude),
                "longitude": float(venue.longitude),
            }
        locations.append(place)
    if event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if event.host:
        data["organizer"] = {"@type": "Organization", "name": event.host.name}
        if event.host.url:
            data["organizer"]["url"] = event.host.url
    if event.image:
        rendition = event.image.get_rendition("fill-1200x630")
        data["image"] = request.build_absolute_uri(rendition.url)
    return data
