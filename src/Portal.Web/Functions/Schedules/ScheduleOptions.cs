using System.ComponentModel.DataAnnotations;

namespace Portal.Web.Functions.Schedules;

/// <summary>Schedules settings, bound from <c>Portal:Schedules</c>.</summary>
public sealed class ScheduleOptions
{
    public const string Section = "Portal:Schedules";

    /// <summary>The time zone a new schedule starts with in the dialog and the API when none is given (an IANA id).</summary>
    [Required(ErrorMessage = "Portal:Schedules:DefaultTimeZone must name a time zone, such as UTC or Europe/Berlin.")]
    public string DefaultTimeZone { get; set; } = "UTC";
}
