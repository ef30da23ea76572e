"""The former name of ``purge_personal_data``, kept so existing cron jobs keep working;
it does the same (both "Angebot melden" and "Barriere melden")."""

from .purge_personal_data import Command as PurgePersonalData


class Command(PurgePersonalData):
    help = "Alter Name von purge_personal_data (gleiche Wirkung). " + PurgePersonalData.help
