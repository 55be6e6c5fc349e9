<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Presentation</name>
    <message>
        <location filename="../ui/Presentation.cpp" line="124"/>
        <source>Awareness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="126"/>
        <source>Traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="128"/>
        <source>Engagement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="130"/>
        <source>Leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="132"/>
        <source>App installs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="134"/>
        <source>Conversions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="136"/>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="143"/>
        <source>Lifetime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="143"/>
        <source>Daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="150"/>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="152"/>
        <location filename="../ui/Presentation.cpp" line="181"/>
        <source>Launching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="154"/>
        <location filename="../ui/Presentation.cpp" line="184"/>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="156"/>
        <source>Partly live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="158"/>
        <location filename="../ui/Presentation.cpp" line="187"/>
        <source>Pausing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="160"/>
        <location filename="../ui/Presentation.cpp" line="190"/>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="162"/>
        <location filename="../ui/Presentation.cpp" line="193"/>
        <source>Resuming…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="164"/>
        <location filename="../ui/Presentation.cpp" line="196"/>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="166"/>
        <location filename="../ui/Presentation.cpp" line="199"/>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="168"/>
        <location filename="../ui/Presentation.cpp" line="205"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="178"/>
        <source>Not launched yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="202"/>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="211"/>
        <source>Throttled until %1, then AdsDesk tries again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="213"/>
        <source>Waiting out the platform&apos;s rate limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="216"/>
        <source>Needs you to sign in to the account again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="222"/>
        <location filename="../ui/Presentation.cpp" line="268"/>
        <source>%1: %2</source>
        <translation type="unfinished">%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="240"/>
        <source>Split by platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="241"/>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="242"/>
        <source>Budget type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="243"/>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="244"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="245"/>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="246"/>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="247"/>
        <source>Ad account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="248"/>
        <location filename="../ui/Presentation.cpp" line="249"/>
        <source>Audiences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="250"/>
        <location filename="../ui/Presentation.cpp" line="251"/>
        <source>Creatives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="252"/>
        <source>Objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="253"/>
        <source>Platforms</source>
        <translation type="unfinished">Plattformen</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="254"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="276"/>
        <source>%1 %2</source>
        <comment>amount, currency code</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="282"/>
        <source>%1 in total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="283"/>
        <source>%1 per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="290"/>
        <source>Not scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="294"/>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="296"/>
        <source>%1 – %2</source>
        <comment>schedule start, end</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="305"/>
        <source>%1 %2</source>
        <comment>date, time</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ads::ui::CampaignEditorDialog</name>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="154"/>
        <source>New campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="176"/>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="913"/>
        <source>Edit “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="200"/>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="201"/>
        <source>objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="202"/>
        <source>platforms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="203"/>
        <source>budget type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="204"/>
        <source>amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="205"/>
        <source>currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="206"/>
        <source>split by platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="207"/>
        <source>audiences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="208"/>
        <source>creatives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="209"/>
        <source>start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="210"/>
        <source>end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="228"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="255"/>
        <source>e.g. Winter sale – video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="256"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="265"/>
        <source>Choose an objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="267"/>
        <source>&amp;Objective:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="281"/>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="285"/>
        <source>Platforms:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="297"/>
        <source>Budget t&amp;ype:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="304"/>
        <source>e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="305"/>
        <source>&amp;Amount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="316"/>
        <source>C&amp;urrency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="321"/>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="321"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="321"/>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="349"/>
        <source>Sp&amp;lit by platform:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="351"/>
        <source>Leave the amounts empty to split the budget evenly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="359"/>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="375"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="379"/>
        <source>Au&amp;diences:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="381"/>
        <source>&amp;Creatives:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="384"/>
        <source>Audiences and creatives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="406"/>
        <source>Sta&amp;rts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="408"/>
        <source>&amp;Ends:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="410"/>
        <source>Without an end date a daily budget runs until you pause it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="413"/>
        <source>Times are in your time zone (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="416"/>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="447"/>
        <source>Save the campaign to check it with its platforms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="454"/>
        <source>Check &amp;with platforms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="457"/>
        <source>Saves your changes, then shows what each platform would refuse or warn about. Nothing is sent to the platforms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="466"/>
        <source>Before launch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="542"/>
        <source>The check below is for the saved campaign; checking again saves your edits first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="568"/>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="575"/>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="581"/>
        <source>No audiences in the library yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="583"/>
        <source>No creatives in the library yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="604"/>
        <source>%1 (not in the library)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="662"/>
        <source>The latest version could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="680"/>
        <source>Enter an amount such as 150 or %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="756"/>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="830"/>
        <source>%1: %2</source>
        <translation type="unfinished">%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="820"/>
        <source>the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="821"/>
        <source>the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="901"/>
        <source>Still needed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="916"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="924"/>
        <source>Checking with the platforms…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="938"/>
        <source>The check did not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="976"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="1023"/>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="1040"/>
        <source>The campaign was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="1027"/>
        <source>This campaign was changed elsewhere (in another window or through the local API) while you were editing it. The form now shows the latest version; make your changes again and save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="1036"/>
        <source>This campaign was deleted elsewhere, so there is nothing to save it to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ads::ui::CampaignMetricsView</name>
    <message>
        <location filename="../ui/charts/CampaignMetricsView.cpp" line="42"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/CampaignMetricsView.cpp" line="43"/>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/CampaignMetricsView.cpp" line="44"/>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/CampaignMetricsView.cpp" line="45"/>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/CampaignMetricsView.cpp" line="175"/>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/CampaignMetricsView.cpp" line="177"/>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/CampaignMetricsView.cpp" line="179"/>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/CampaignMetricsView.cpp" line="286"/>
        <source>Select a campaign to see how it delivers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/CampaignMetricsView.cpp" line="290"/>
        <source>The period starts after it ends; pick an earlier start date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/CampaignMetricsView.cpp" line="294"/>
        <source>Loading figures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/CampaignMetricsView.cpp" line="309"/>
        <source>Could not load the figures: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/CampaignMetricsView.cpp" line="329"/>
        <source>No delivery in this period yet. Figures appear after the platforms report and a sync runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/CampaignMetricsView.cpp" line="364"/>
        <source>Daily spend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/CampaignMetricsView.cpp" line="365"/>
        <source>Daily spend (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ads::ui::CampaignTableModel</name>
    <message>
        <location filename="../ui/campaigns/CampaignTableModel.cpp" line="43"/>
        <source>%1: %2</source>
        <translation type="unfinished">%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignTableModel.cpp" line="102"/>
        <source>Campaign id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignTableModel.cpp" line="156"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignTableModel.cpp" line="158"/>
        <source>Objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignTableModel.cpp" line="160"/>
        <source>Platforms</source>
        <translation type="unfinished">Plattformen</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignTableModel.cpp" line="162"/>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignTableModel.cpp" line="164"/>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignTableModel.cpp" line="166"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignTableModel.cpp" line="168"/>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ads::ui::LaunchCheckDialog</name>
    <message>
        <location filename="../ui/campaigns/LaunchCheckDialog.cpp" line="22"/>
        <source>Launch “%1”?</source>
        <translation>„%1“ starten?</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/LaunchCheckDialog.cpp" line="27"/>
        <source>Some platforms would refuse this campaign. If you launch anyway, the others start and each refusing platform ends “Rejected” with the reason below.</source>
        <translation>Einige Plattformen würden diese Kampagne ablehnen. Wenn Sie trotzdem starten, laufen die anderen an, und jede ablehnende Plattform endet als „Abgelehnt“ mit dem Grund unten.</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/LaunchCheckDialog.cpp" line="29"/>
        <source>Every platform would refuse this campaign. Fix the problems below in the editor, then launch again.</source>
        <translation>Jede Plattform würde diese Kampagne ablehnen. Beheben Sie die Probleme unten im Editor und starten Sie dann erneut.</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/LaunchCheckDialog.cpp" line="39"/>
        <source>&amp;Launch anyway</source>
        <translation>&amp;Trotzdem starten</translation>
    </message>
</context>
<context>
    <name>ads::ui::LaunchCheckView</name>
    <message>
        <location filename="../ui/campaigns/LaunchCheckView.cpp" line="32"/>
        <source>%1 would refuse it (share %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/LaunchCheckView.cpp" line="33"/>
        <source>%1 is ready: %2 objects to create (share %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/LaunchCheckView.cpp" line="43"/>
        <source>• %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/LaunchCheckView.cpp" line="45"/>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/LaunchCheckView.cpp" line="62"/>
        <source>Not checked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/LaunchCheckView.cpp" line="71"/>
        <source>The campaign has no platforms to check.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ads::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="51"/>
        <source>AdsDesk</source>
        <translation>AdsDesk</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="98"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="105"/>
        <source>&amp;New campaign…</source>
        <translation>&amp;Neue Kampagne…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="111"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="116"/>
        <source>&amp;Launch</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="121"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="127"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="133"/>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplizieren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="139"/>
        <source>S&amp;chedule…</source>
        <translation>&amp;Zeitplan…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="144"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="149"/>
        <source>S&amp;ync now</source>
        <translation>&amp;Jetzt synchronisieren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="155"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="161"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="164"/>
        <source>&amp;Find campaign</source>
        <translation>Kampagne such&amp;en</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="171"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="177"/>
        <source>&amp;Campaign</source>
        <translation>&amp;Kampagne</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="194"/>
        <source>Campaign actions</source>
        <translation>Kampagnenaktionen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="218"/>
        <source>Name, platform, status… (%1)</source>
        <translation>Name, Plattform, Status… (%1)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="221"/>
        <source>Searc&amp;h:</source>
        <translation>Such&amp;e:</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="303"/>
        <source>Platforms</source>
        <translation>Plattformen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="310"/>
        <source>Performance</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="337"/>
        <source>The campaigns could not be loaded: %1</source>
        <translation>Die Kampagnen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="427"/>
        <source>Saved “%1”.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="465"/>
        <source>%1 campaigns selected</source>
        <translation>%1 Kampagnen ausgewählt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="471"/>
        <source>No campaign selected</source>
        <translation>Keine Kampagne ausgewählt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="477"/>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="509"/>
        <source>Sync is off</source>
        <translation>Synchronisierung ist aus</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="515"/>
        <source>Syncing…</source>
        <translation>Synchronisiere…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="529"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="532"/>
        <source>Last sync %1</source>
        <translation>Zuletzt synchronisiert %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="533"/>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="535"/>
        <source>%1 — failed for %2</source>
        <translation>%1 — fehlgeschlagen für %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="543"/>
        <source>1 campaign</source>
        <translation>1 Kampagne</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="543"/>
        <source>%1 campaigns</source>
        <translation>%1 Kampagnen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowLifecycle.cpp" line="71"/>
        <source>Checking “%1” with its platforms…</source>
        <translation>Prüfe „%1“ mit seinen Plattformen…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowLifecycle.cpp" line="80"/>
        <source>“%1” was not launched: the pre-launch check did not run: %2</source>
        <translation>„%1“ wurde nicht gestartet: Die Prüfung vor dem Start lief nicht: %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowLifecycle.cpp" line="126"/>
        <source>“%1” was not launched: %2</source>
        <translation>„%1“ wurde nicht gestartet: %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowLifecycle.cpp" line="127"/>
        <source>“%1” was not paused: %2</source>
        <translation>„%1“ wurde nicht pausiert: %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowLifecycle.cpp" line="128"/>
        <source>“%1” was not resumed: %2</source>
        <translation>„%1“ wurde nicht fortgesetzt: %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowLifecycle.cpp" line="134"/>
        <source>Launching “%1”…</source>
        <translation>Starte „%1“…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowLifecycle.cpp" line="135"/>
        <source>Pausing “%1”…</source>
        <translation>Pausiere „%1“…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowLifecycle.cpp" line="136"/>
        <source>Resuming “%1”…</source>
        <translation>Setze „%1“ fort…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowLifecycle.cpp" line="150"/>
        <source>Launching %1 campaigns…</source>
        <translation>Starte %1 Kampagnen…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowLifecycle.cpp" line="151"/>
        <source>Pausing %1 campaigns…</source>
        <translation>Pausiere %1 Kampagnen…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowLifecycle.cpp" line="172"/>
        <source>“%1”: %2</source>
        <translation>„%1“: %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowLifecycle.cpp" line="177"/>
        <source>%1 started, %2 refused.</source>
        <translation>%1 gestartet, %2 abgelehnt.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowLifecycle.cpp" line="178"/>
        <source>%1 pausing, %2 refused.</source>
        <translation>%1 werden pausiert, %2 abgelehnt.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowLifecycle.cpp" line="182"/>
        <source>Bulk launch</source>
        <translation>Mehrere starten</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowLifecycle.cpp" line="182"/>
        <source>Bulk pause</source>
        <translation>Mehrere pausieren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowLifecycle.cpp" line="207"/>
        <source>“%1” was not duplicated: %2</source>
        <translation>„%1“ wurde nicht dupliziert: %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowLifecycle.cpp" line="213"/>
        <source>“%1” is a draft copy of “%2”.</source>
        <translation>„%1“ ist eine Entwurfskopie von „%2“.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowLifecycle.cpp" line="228"/>
        <source>“%1” runs %2.</source>
        <translation>„%1“ läuft %2.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowLifecycle.cpp" line="245"/>
        <source>Delete “%1”? Its history and figures in AdsDesk go with it.</source>
        <translation>„%1“ löschen? Verlauf und Zahlen in AdsDesk werden mit gelöscht.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowLifecycle.cpp" line="246"/>
        <source>“%1” exists on %2. Deleting it first switches it off on every platform; AdsDesk removes it once each platform has confirmed. Its history and figures in AdsDesk go with it.

Switch it off and delete it?</source>
        <translation>„%1“ besteht auf %2. Beim Löschen wird die Kampagne zuerst auf jeder Plattform abgeschaltet; AdsDesk entfernt sie, sobald jede Plattform das bestätigt hat. Verlauf und Zahlen in AdsDesk werden mit gelöscht.

Abschalten und löschen?</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowLifecycle.cpp" line="251"/>
        <source>Delete campaign</source>
        <translation>Kampagne löschen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowLifecycle.cpp" line="273"/>
        <source>“%1” was not deleted: %2</source>
        <translation>„%1“ wurde nicht gelöscht: %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowLifecycle.cpp" line="279"/>
        <source>Switching “%1” off on its platforms; it is removed once each has confirmed.</source>
        <translation>„%1“ wird auf seinen Plattformen abgeschaltet und entfernt, sobald jede das bestätigt hat.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowLifecycle.cpp" line="286"/>
        <source>Deleted “%1”.</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
</context>
<context>
    <name>ads::ui::MessageBanner</name>
    <message>
        <location filename="../ui/MessageBanner.cpp" line="21"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MessageBanner.cpp" line="22"/>
        <source>Dismiss message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ads::ui::MetricsTableModel</name>
    <message>
        <location filename="../ui/charts/MetricsTableModel.cpp" line="33"/>
        <source>%1 %2</source>
        <comment>amount, currency code</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/MetricsTableModel.cpp" line="108"/>
        <source>%1 %</source>
        <comment>percentage</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/MetricsTableModel.cpp" line="163"/>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/MetricsTableModel.cpp" line="165"/>
        <source>Impressions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/MetricsTableModel.cpp" line="167"/>
        <source>Clicks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/MetricsTableModel.cpp" line="169"/>
        <source>CTR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/MetricsTableModel.cpp" line="171"/>
        <source>CPC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/MetricsTableModel.cpp" line="173"/>
        <source>CPM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/MetricsTableModel.cpp" line="175"/>
        <source>Spend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/MetricsTableModel.cpp" line="177"/>
        <source>Conversions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/MetricsTableModel.cpp" line="179"/>
        <source>ROAS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/MetricsTableModel.cpp" line="193"/>
        <source>All platforms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ads::ui::PlatformStatusPanel</name>
    <message>
        <location filename="../ui/campaigns/PlatformStatusPanel.cpp" line="71"/>
        <source>%1: %2</source>
        <comment>object, remote id</comment>
        <translation type="unfinished">%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/PlatformStatusPanel.cpp" line="81"/>
        <source>Select a campaign to see where it runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/PlatformStatusPanel.cpp" line="133"/>
        <source>This campaign has no platforms yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/PlatformStatusPanel.cpp" line="178"/>
        <source>Budget share: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/PlatformStatusPanel.cpp" line="185"/>
        <source>%1 said: %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/PlatformStatusPanel.cpp" line="190"/>
        <source>%1&apos;s code: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/PlatformStatusPanel.cpp" line="193"/>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/PlatformStatusPanel.cpp" line="244"/>
        <source>Ids on %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/PlatformStatusPanel.cpp" line="251"/>
        <source>Ids on %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/PlatformStatusPanel.cpp" line="197"/>
        <source>Updated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/PlatformStatusPanel.cpp" line="219"/>
        <source>%1 of %2 objects created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/PlatformStatusPanel.cpp" line="222"/>
        <source>%1 objects created so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/PlatformStatusPanel.cpp" line="228"/>
        <source>Turning delivery off at %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/PlatformStatusPanel.cpp" line="229"/>
        <source>Turning delivery back on at %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ads::ui::ScheduleDialog</name>
    <message>
        <location filename="../ui/campaigns/ScheduleDialog.cpp" line="38"/>
        <source>Times are in your time zone (%1); AdsDesk stores them in UTC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/ScheduleDialog.cpp" line="45"/>
        <location filename="../ui/campaigns/ScheduleDialog.cpp" line="47"/>
        <source>the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/ScheduleDialog.cpp" line="46"/>
        <location filename="../ui/campaigns/ScheduleDialog.cpp" line="48"/>
        <source>the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/ScheduleDialog.cpp" line="59"/>
        <source>&amp;Ends:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/ScheduleDialog.cpp" line="63"/>
        <source>Schedule “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/ScheduleDialog.cpp" line="70"/>
        <source>&amp;Starts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/ScheduleDialog.cpp" line="79"/>
        <source>S&amp;chedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/campaigns/ScheduleDialog.cpp" line="155"/>
        <source>Not scheduled: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ads::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="25"/>
        <location filename="../ui/settings/SettingsDialog.cpp" line="103"/>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="28"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="34"/>
        <source>The local API is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="35"/>
        <source>Copy &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="47"/>
        <source>Co&amp;py</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="56"/>
        <source>Copy a &amp;token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="60"/>
        <source>Copies a new bearer token for the local API, to paste into your CRM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="63"/>
        <source>&amp;Local API:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="65"/>
        <source>Token si&amp;gning secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="72"/>
        <source>Anything that holds the secret or a token can read and change your campaigns through the local API. Share them only with tools you trust.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="103"/>
        <source>&amp;Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="110"/>
        <source>The address was copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="119"/>
        <source>The secret was copied. Paste it only into a tool you trust.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="126"/>
        <source>No token could be made. Check that the local API is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="131"/>
        <source>A new token was copied. Paste it into your CRM&apos;s AdsDesk connection.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
