# Dates as on the city's notices: "13. Mai 2020, 17:00".
DATE_FORMAT = "j. F Y"
DATETIME_FORMAT = "j. F Y, H:i"
