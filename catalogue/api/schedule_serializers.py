"""Shapes of a service's calendar: weekly hours, closures, pauses, slots."""

from rest_framework import serializers

from schedule.models import MAX_PERIODS, Closure
from schedule.services import PAUSE_MINUTES

HH_MM = "%H:%M"


class _WallTimeField(serializers.TimeField):
    """A wall-clock time as ``"HH:MM"`` (``"HH:MM:SS"`` accepted with zero seconds)."""

    def __init__(self, **kwargs):
        super().__init__(format=HH_MM, input_formats=[HH_MM, "%H:%M:%S"], **kwargs)

    def to_internal_value(self, value):
        parsed = super().to_internal_value(value)
        if parsed.second or parsed.microsecond:
            raise serializers.ValidationError('Use whole minutes, as "HH:MM".')
        return parsed


class WeeklyPeriodSerializer(serializers.Serializer):
    weekday = serializers.IntegerField(min_value=0, max_value=6, help_text="0 Monday to 6 Sunday")
    opens = _WallTimeField(help_text='Local wall-clock time, "HH:MM".')
    closes = _WallTimeField(
        help_text='Local "HH:MM"; earlier than `opens` runs past midnight into the next day.'
    )


class ClosureSerializer(serializers.ModelSerializer):
    reason = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")

    class Meta:
        model = Closure
        fields = ["id", "starts_on", "ends_on", "reason"]
        read_only_fields = ["id"]


class HoursSerializer(serializers.Serializer):
    time_zone = serializers.CharField(help_text="The campus time zone of every wall-clock time.")
    weekly = WeeklyPeriodSerializer(many=True)
    closures = ClosureSerializer(many=True, help_text="Closures that have not ended yet.")
    paused_until = serializers.DateTimeField(
        allow_null=True, help_text="Set while as-soon-as-possible orders are paused."
    )
    pause_reason = serializers.CharField(allow_blank=True)
    open_now = serializers.BooleanField()
    next_opening = serializers.DateTimeField(allow_null=True)


class HoursInputSerializer(serializers.Serializer):
    weekly = WeeklyPeriodSerializer(
        many=True,
        allow_empty=True,
        max_length=MAX_PERIODS,
        error_messages={"max_length": "At most {max_length} weekly periods."},
        help_text="Replaces all weekly hours; [] removes them.",
    )


class PauseInputSerializer(serializers.Serializer):
    minutes = serializers.IntegerField(min_value=PAUSE_MINUTES[0], max_value=PAUSE_MINUTES[1])
    reason = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class SlotSerializer(serializers.Serializer):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    capacity = serializers.IntegerField(allow_null=True, help_text="Null: no limit.")
    remaining = serializers.IntegerField(
        allow_null=True, help_text="Places left; 0 when full, null without a limit."
    )


class SlotsQuerySerializer(serializers.Serializer):
    date = serializers.DateField(
        required=False, input_formats=["%Y-%m-%d"], help_text="Local date; default today."
    )
