using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Model;

namespace Portal.E2E.Infrastructure;

/// <summary>
/// YARP on 127.0.0.1 in front of the instances of a <see cref="PortalCluster"/>, with cookie session affinity (a browser
/// stays on the instance its first request went to, where its Blazor circuits live) and round robin for browsers without
/// the cookie. It passes WebSocket upgrades and the original Host, like README's nginx configuration. Each answer names
/// the instance that served it in <c>X-Portal-Instance</c>, and <see cref="Requests"/> records every request's instance.
/// </summary>
public sealed class StickyProxy : IAsyncDisposable
{
    public const string AffinityCookie = "portal_lb";
    public const string InstanceHeader = "X-Portal-Instance";

    private readonly WebApplication app;

    private StickyProxy(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    public string Url { get; }

    /// <summary>Path and destination (<c>instance0</c>, <c>instance1</c> …) of every proxied request, in order.</summary>
    public ConcurrentQueue<(string Path, string Instance)> Requests { get; } = new();

    public static async Task<StickyProxy> StartAsync(IReadOnlyList<PortalCluster.Instance> instances)
    {
        var port = PortalCluster.FreePorts(1)[0];
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddReverseProxy().LoadFromMemory(
            [
                new RouteConfig
                {
                    RouteId = "portal",
                    ClusterId = "portal",
                    Match = new RouteMatch { Path = "{**catch-all}" },
                    Transforms = [new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = "true" }],
                },
            ],
            [
                new ClusterConfig
                {
                    ClusterId = "portal",
                    LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
                    SessionAffinity = new SessionAffinityConfig
                    {
                        Enabled = true,
                        Policy = "Cookie",
                        AffinityKeyName = AffinityCookie,
                        Cookie = new SessionAffinityCookieConfig { HttpOnly = true, SameSite = SameSiteMode.Lax },
                    },
                    Destinations = instances.Select((instance, n) => (instance, n))
                        .ToDictionary(d => $"instance{d.n}", d => new DestinationConfig { Address = d.instance.Url }),
                },
            ]);
        var app = builder.Build();
        var proxy = new StickyProxy(app, $"http://127.0.0.1:{port}");
        app.MapReverseProxy(pipeline =>
        {
            pipeline.UseSessionAffinity();
            pipeline.UseLoadBalancing();
            pipeline.Use(async (context, next) =>
            {
                if (context.GetReverseProxyFeature().AvailableDestinations is [var destination])
                {
                    proxy.Requests.Enqueue((context.Request.Path.Value ?? "", destination.DestinationId));
                    context.Response.Headers[InstanceHeader] = destination.DestinationId;
                }

                await next();
            });
            pipeline.UsePassiveHealthChecks();
        });
        await app.StartAsync();
        return proxy;
    }

    public static int IndexOf(string instance) => int.Parse(instance["instance".Length..], System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
