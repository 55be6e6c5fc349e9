<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>MetricFigures</name>
    <message>
        <location filename="../ui/dashboard/MetricFigures.cpp" line="22"/>
        <source>Spend</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/MetricFigures.cpp" line="23"/>
        <source>Impressions</source>
        <translation>Impressionen</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/MetricFigures.cpp" line="24"/>
        <source>Clicks</source>
        <translation>Klicks</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/MetricFigures.cpp" line="25"/>
        <source>CTR</source>
        <translation>CTR</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/MetricFigures.cpp" line="26"/>
        <source>CPC</source>
        <translation>CPC</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/MetricFigures.cpp" line="27"/>
        <source>CPM</source>
        <translation>CPM</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/MetricFigures.cpp" line="28"/>
        <source>Conversions</source>
        <translation>Conversions</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/MetricFigures.cpp" line="29"/>
        <source>CPA</source>
        <translation>CPA</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/MetricFigures.cpp" line="30"/>
        <source>ROAS</source>
        <translation>ROAS</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/MetricFigures.cpp" line="72"/>
        <source>%1 (%2)</source>
        <comment>metric, currency</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/MetricFigures.cpp" line="74"/>
        <source>CTR (%)</source>
        <translation>CTR (%)</translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <location filename="../ui/Presentation.cpp" line="125"/>
        <source>Awareness</source>
        <translation>Bekanntheit</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="127"/>
        <source>Traffic</source>
        <translation>Traffic</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="129"/>
        <source>Engagement</source>
        <translation>Interaktion</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="131"/>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="133"/>
        <source>App installs</source>
        <translation>App-Installationen</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="135"/>
        <source>Conversions</source>
        <translation>Conversions</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="137"/>
        <source>Sales</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="144"/>
        <source>Lifetime</source>
        <translation>Laufzeitbudget</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="144"/>
        <source>Daily</source>
        <translation>Tagesbudget</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="151"/>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="153"/>
        <location filename="../ui/Presentation.cpp" line="182"/>
        <source>Launching…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="155"/>
        <location filename="../ui/Presentation.cpp" line="185"/>
        <source>Live</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="157"/>
        <source>Partly live</source>
        <translation>Teilweise aktiv</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="159"/>
        <location filename="../ui/Presentation.cpp" line="188"/>
        <source>Pausing…</source>
        <translation>Wird pausiert…</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="161"/>
        <location filename="../ui/Presentation.cpp" line="191"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="163"/>
        <location filename="../ui/Presentation.cpp" line="194"/>
        <source>Resuming…</source>
        <translation>Wird fortgesetzt…</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="165"/>
        <location filename="../ui/Presentation.cpp" line="197"/>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="167"/>
        <location filename="../ui/Presentation.cpp" line="200"/>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="169"/>
        <location filename="../ui/Presentation.cpp" line="206"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="179"/>
        <source>Not launched yet</source>
        <translation>Noch nicht gestartet</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="203"/>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="212"/>
        <source>Throttled until %1, then AdsDesk tries again</source>
        <translation>Gedrosselt bis %1, danach versucht AdsDesk es erneut</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="214"/>
        <source>Waiting out the platform&apos;s rate limit</source>
        <translation>Wartet das Ratenlimit der Plattform ab</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="217"/>
        <source>Needs you to sign in to the account again</source>
        <translation>Erneute Anmeldung beim Konto erforderlich</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="223"/>
        <location filename="../ui/Presentation.cpp" line="269"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="241"/>
        <source>Split by platform</source>
        <translation>Aufteilung nach Plattform</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="242"/>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="243"/>
        <source>Budget type</source>
        <translation>Budgettyp</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="244"/>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="245"/>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="246"/>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="247"/>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="248"/>
        <source>Ad account</source>
        <translation>Werbekonto</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="249"/>
        <location filename="../ui/Presentation.cpp" line="250"/>
        <source>Audiences</source>
        <translation>Zielgruppen</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="251"/>
        <location filename="../ui/Presentation.cpp" line="252"/>
        <source>Creatives</source>
        <translation>Creatives</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="253"/>
        <source>Objective</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="254"/>
        <source>Platforms</source>
        <translation>Plattformen</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="255"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="277"/>
        <source>%1 %2</source>
        <comment>amount, currency code</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="283"/>
        <source>%1 in total</source>
        <translation>%1 insgesamt</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="284"/>
        <source>%1 per day</source>
        <translation>%1 pro Tag</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="291"/>
        <source>Not scheduled</source>
        <translation>Nicht geplant</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="295"/>
        <source>from %1</source>
        <translation>ab %1</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="297"/>
        <source>%1 – %2</source>
        <comment>schedule start, end</comment>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location filename="../ui/Presentation.cpp" line="325"/>
        <source>%1 %2</source>
        <comment>date, time</comment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>ads::ui::CampaignEditorDialog</name>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="154"/>
        <source>New campaign</source>
        <translation>Neue Kampagne</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="176"/>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="913"/>
        <source>Edit “%1”</source>
        <translation>„%1“ bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="200"/>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="201"/>
        <source>objective</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="202"/>
        <source>platforms</source>
        <translation>Plattformen</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="203"/>
        <source>budget type</source>
        <translation>Budgettyp</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="204"/>
        <source>amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="205"/>
        <source>currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="206"/>
        <source>split by platform</source>
        <translation>Aufteilung nach Plattform</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="207"/>
        <source>audiences</source>
        <translation>Zielgruppen</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="208"/>
        <source>creatives</source>
        <translation>Creatives</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="209"/>
        <source>start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="210"/>
        <source>end</source>
        <translation>Ende</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="228"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="255"/>
        <source>e.g. Winter sale – video</source>
        <translation>z. B. Winter-Sale – Video</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="256"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="265"/>
        <source>Choose an objective</source>
        <translation>Ziel auswählen</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="267"/>
        <source>&amp;Objective:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="281"/>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="285"/>
        <source>Platforms:</source>
        <translation>Plattformen:</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="297"/>
        <source>Budget t&amp;ype:</source>
        <translation>Bu&amp;dgettyp:</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="304"/>
        <source>e.g. %1</source>
        <translation>z. B. %1</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="305"/>
        <source>&amp;Amount:</source>
        <translation>Bet&amp;rag:</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="316"/>
        <source>C&amp;urrency:</source>
        <translation>&amp;Währung:</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="321"/>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="321"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="321"/>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="349"/>
        <source>Sp&amp;lit by platform:</source>
        <translation>A&amp;ufteilung nach Plattform:</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="351"/>
        <source>Leave the amounts empty to split the budget evenly.</source>
        <translation>Lassen Sie die Beträge leer, um das Budget gleichmäßig aufzuteilen.</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="359"/>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="375"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="379"/>
        <source>Au&amp;diences:</source>
        <translation>Zie&amp;lgruppen:</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="381"/>
        <source>&amp;Creatives:</source>
        <translation>&amp;Creatives:</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="384"/>
        <source>Audiences and creatives</source>
        <translation>Zielgruppen und Creatives</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="406"/>
        <source>Sta&amp;rts:</source>
        <translation>Beg&amp;inn:</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="408"/>
        <source>&amp;Ends:</source>
        <translation>&amp;Ende:</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="410"/>
        <source>Without an end date a daily budget runs until you pause it.</source>
        <translation>Ohne Enddatum läuft ein Tagesbudget, bis Sie es pausieren.</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="413"/>
        <source>Times are in your time zone (%1).</source>
        <translation>Die Zeiten gelten in Ihrer Zeitzone (%1).</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="416"/>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="447"/>
        <source>Save the campaign to check it with its platforms.</source>
        <translation>Speichern Sie die Kampagne, um sie bei ihren Plattformen zu prüfen.</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="454"/>
        <source>Check &amp;with platforms</source>
        <translation>&amp;Bei Plattformen prüfen</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="457"/>
        <source>Saves your changes, then shows what each platform would refuse or warn about. Nothing is sent to the platforms.</source>
        <translation>Speichert Ihre Änderungen und zeigt dann, was jede Plattform ablehnen oder beanstanden würde. An die Plattformen wird nichts gesendet.</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="466"/>
        <source>Before launch</source>
        <translation>Vor dem Start</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="542"/>
        <source>The check below is for the saved campaign; checking again saves your edits first.</source>
        <translation>Die Prüfung unten gilt für die gespeicherte Kampagne; eine erneute Prüfung speichert zuerst Ihre Änderungen.</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="568"/>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="575"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="581"/>
        <source>No audiences in the library yet.</source>
        <translation>Noch keine Zielgruppen in der Bibliothek.</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="583"/>
        <source>No creatives in the library yet.</source>
        <translation>Noch keine Creatives in der Bibliothek.</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="604"/>
        <source>%1 (not in the library)</source>
        <translation>%1 (nicht in der Bibliothek)</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="662"/>
        <source>The latest version could not be read: %1</source>
        <translation>Die aktuelle Version konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="680"/>
        <source>Enter an amount such as 150 or %1.</source>
        <translation>Geben Sie einen Betrag wie 150 oder %1 ein.</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="756"/>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="830"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="820"/>
        <source>the start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="821"/>
        <source>the end</source>
        <translation>Ende</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="901"/>
        <source>Still needed: %1.</source>
        <translation>Noch erforderlich: %1.</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="916"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="924"/>
        <source>Checking with the platforms…</source>
        <translation>Prüfung bei den Plattformen läuft…</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="938"/>
        <source>The check did not run: %1</source>
        <translation>Die Prüfung wurde nicht ausgeführt: %1</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="976"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="1023"/>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="1040"/>
        <source>The campaign was not saved: %1</source>
        <translation>Die Kampagne wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="1027"/>
        <source>This campaign was changed elsewhere (in another window or through the local API) while you were editing it. The form now shows the latest version; make your changes again and save.</source>
        <translation>Diese Kampagne wurde während Ihrer Bearbeitung an anderer Stelle geändert (in einem anderen Fenster oder über die lokale API). Das Formular zeigt jetzt die aktuelle Version; nehmen Sie Ihre Änderungen erneut vor und speichern Sie.</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignEditorDialog.cpp" line="1036"/>
        <source>This campaign was deleted elsewhere, so there is nothing to save it to.</source>
        <translation>Diese Kampagne wurde an anderer Stelle gelöscht und kann daher nicht mehr gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>ads::ui::CampaignMetricsView</name>
    <message>
        <location filename="../ui/charts/CampaignMetricsView.cpp" line="188"/>
        <source>Select a campaign to see how it delivers.</source>
        <translation>Wählen Sie eine Kampagne aus, um ihre Auslieferung zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/charts/CampaignMetricsView.cpp" line="192"/>
        <source>The period starts after it ends; pick an earlier start date.</source>
        <translation>Der Zeitraum beginnt nach seinem Ende; wählen Sie ein früheres Startdatum.</translation>
    </message>
    <message>
        <location filename="../ui/charts/CampaignMetricsView.cpp" line="196"/>
        <source>Loading figures…</source>
        <translation>Zahlen werden geladen…</translation>
    </message>
    <message>
        <location filename="../ui/charts/CampaignMetricsView.cpp" line="211"/>
        <source>Could not load the figures: %1</source>
        <translation>Die Zahlen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/charts/CampaignMetricsView.cpp" line="231"/>
        <source>No delivery in this period yet. Figures appear after the platforms report and a sync runs.</source>
        <translation>In diesem Zeitraum noch keine Auslieferung. Zahlen erscheinen, sobald die Plattformen berichten und eine Synchronisierung läuft.</translation>
    </message>
    <message>
        <location filename="../ui/charts/CampaignMetricsView.cpp" line="266"/>
        <source>Daily spend</source>
        <translation>Tägliche Ausgaben</translation>
    </message>
    <message>
        <location filename="../ui/charts/CampaignMetricsView.cpp" line="267"/>
        <source>Daily spend (%1)</source>
        <translation>Tägliche Ausgaben (%1)</translation>
    </message>
</context>
<context>
    <name>ads::ui::CampaignTableModel</name>
    <message>
        <location filename="../ui/campaigns/CampaignTableModel.cpp" line="43"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignTableModel.cpp" line="102"/>
        <source>Campaign id: %1</source>
        <translation>Kampagnen-ID: %1</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignTableModel.cpp" line="156"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignTableModel.cpp" line="158"/>
        <source>Objective</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignTableModel.cpp" line="160"/>
        <source>Platforms</source>
        <translation>Plattformen</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignTableModel.cpp" line="162"/>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignTableModel.cpp" line="164"/>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignTableModel.cpp" line="166"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/CampaignTableModel.cpp" line="168"/>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
</context>
<context>
    <name>ads::ui::ComparisonChart</name>
    <message>
        <location filename="../ui/dashboard/ComparisonChart.cpp" line="44"/>
        <source>%1 by platform</source>
        <translation>%1 nach Plattform</translation>
    </message>
</context>
<context>
    <name>ads::ui::DashboardView</name>
    <message>
        <location filename="../ui/dashboard/DashboardView.cpp" line="53"/>
        <source>%1 – %2</source>
        <comment>date range</comment>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/DashboardView.cpp" line="98"/>
        <source>Freshness</source>
        <translation>Aktualität</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/DashboardView.cpp" line="126"/>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/DashboardView.cpp" line="127"/>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/DashboardView.cpp" line="128"/>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/DashboardView.cpp" line="129"/>
        <source>Hour (last week)</source>
        <translation>Stunde (letzte Woche)</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/DashboardView.cpp" line="132"/>
        <source>&amp;Chart:</source>
        <translation>&amp;Diagramm:</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/DashboardView.cpp" line="134"/>
        <source>&amp;By:</source>
        <translation>&amp;Nach:</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/DashboardView.cpp" line="144"/>
        <source>The currency every figure is converted into, at each day&apos;s rate</source>
        <translation>Die Währung, in die alle Zahlen zum jeweiligen Tageskurs umgerechnet werden</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/DashboardView.cpp" line="145"/>
        <source>C&amp;urrency:</source>
        <translation>&amp;Währung:</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/DashboardView.cpp" line="147"/>
        <source>E&amp;xchange rates…</source>
        <translation>Wechselk&amp;urse…</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/DashboardView.cpp" line="234"/>
        <source>The period starts after it ends; pick an earlier start date.</source>
        <translation>Der Zeitraum beginnt nach seinem Ende; wählen Sie ein früheres Startdatum.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/DashboardView.cpp" line="299"/>
        <source>Could not load the figures: %1</source>
        <translation>Die Zahlen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/DashboardView.cpp" line="309"/>
        <source>No delivery in this period yet. Figures appear after a campaign runs and a sync reads it.</source>
        <translation>In diesem Zeitraum noch keine Auslieferung. Zahlen erscheinen, sobald eine Kampagne läuft und eine Synchronisierung sie liest.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/DashboardView.cpp" line="350"/>
        <source>Converting every figure into %1…</source>
        <translation>Alle Zahlen werden in %1 umgerechnet…</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/DashboardView.cpp" line="354"/>
        <source>The reporting currency was not changed: %1</source>
        <translation>Die Berichtswährung wurde nicht geändert: %1</translation>
    </message>
</context>
<context>
    <name>ads::ui::DateRangePicker</name>
    <message>
        <location filename="../ui/dashboard/DateRangePicker.cpp" line="17"/>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/DateRangePicker.cpp" line="18"/>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/DateRangePicker.cpp" line="19"/>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/DateRangePicker.cpp" line="20"/>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/DateRangePicker.cpp" line="21"/>
        <source>Last month</source>
        <translation>Letzter Monat</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/DateRangePicker.cpp" line="22"/>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/DateRangePicker.cpp" line="29"/>
        <source>&amp;Period:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/DateRangePicker.cpp" line="31"/>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/DateRangePicker.cpp" line="33"/>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
</context>
<context>
    <name>ads::ui::ExchangeRatesDialog</name>
    <message>
        <location filename="../ui/dashboard/ExchangeRatesDialog.cpp" line="44"/>
        <source>Exchange rates</source>
        <translation>Wechselkurse</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/ExchangeRatesDialog.cpp" line="49"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/ExchangeRatesDialog.cpp" line="49"/>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/ExchangeRatesDialog.cpp" line="49"/>
        <source>Rate</source>
        <translation>Kurs</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/ExchangeRatesDialog.cpp" line="55"/>
        <source>&amp;Show</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/ExchangeRatesDialog.cpp" line="57"/>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/ExchangeRatesDialog.cpp" line="59"/>
        <source>To:</source>
        <translation>Bis:</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/ExchangeRatesDialog.cpp" line="65"/>
        <source>&amp;Add row</source>
        <translation>Zeile &amp;hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/ExchangeRatesDialog.cpp" line="66"/>
        <source>&amp;Remove row</source>
        <translation>Zeile &amp;entfernen</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/ExchangeRatesDialog.cpp" line="67"/>
        <source>&amp;Import CSV…</source>
        <translation>CSV &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/ExchangeRatesDialog.cpp" line="99"/>
        <source>Loading rates…</source>
        <translation>Kurse werden geladen…</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/ExchangeRatesDialog.cpp" line="109"/>
        <source>Could not read the rates: %1</source>
        <translation>Die Kurse konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/ExchangeRatesDialog.cpp" line="114"/>
        <source>Units of %1 per unit of each currency.</source>
        <translation>Einheiten %1 je Einheit der jeweiligen Währung.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/ExchangeRatesDialog.cpp" line="148"/>
        <source>Row %1 needs a date (YYYY-MM-DD), a three-letter currency and a positive rate.</source>
        <translation>Zeile %1 benötigt ein Datum (JJJJ-MM-TT), einen dreistelligen Währungscode und einen positiven Kurs.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/ExchangeRatesDialog.cpp" line="167"/>
        <source>Saving rates and converting the figures again…</source>
        <translation>Kurse werden gespeichert und die Zahlen neu umgerechnet…</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/ExchangeRatesDialog.cpp" line="171"/>
        <source>Could not save the rates: %1</source>
        <translation>Die Kurse konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/ExchangeRatesDialog.cpp" line="175"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/ExchangeRatesDialog.cpp" line="182"/>
        <source>Import exchange rates</source>
        <translation>Wechselkurse importieren</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/ExchangeRatesDialog.cpp" line="182"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/ExchangeRatesDialog.cpp" line="187"/>
        <source>Could not open %1: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/ExchangeRatesDialog.cpp" line="193"/>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/ExchangeRatesDialog.cpp" line="196"/>
        <source>Could not import the rates: %1</source>
        <translation>Die Kurse konnten nicht importiert werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/ExchangeRatesDialog.cpp" line="201"/>
        <source>Imported %1 rates.</source>
        <translation>%1 Kurse importiert.</translation>
    </message>
</context>
<context>
    <name>ads::ui::FreshnessPanel</name>
    <message>
        <location filename="../ui/dashboard/FreshnessPanel.cpp" line="22"/>
        <source>No platform has been synced yet.</source>
        <translation>Noch keine Plattform wurde synchronisiert.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/FreshnessPanel.cpp" line="70"/>
        <source>syncing now</source>
        <translation>wird gerade synchronisiert</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/FreshnessPanel.cpp" line="72"/>
        <source>sync failed: %1</source>
        <translation>Synchronisierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/FreshnessPanel.cpp" line="74"/>
        <source>updated %1</source>
        <translation>aktualisiert %1</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/FreshnessPanel.cpp" line="76"/>
        <source>not synced yet</source>
        <translation>noch nicht synchronisiert</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/FreshnessPanel.cpp" line="78"/>
        <source>settling since %1</source>
        <translation>vorläufig ab %1</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/FreshnessPanel.cpp" line="80"/>
        <source>next sync %1</source>
        <translation>nächste Synchronisierung am %1</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/FreshnessPanel.cpp" line="89"/>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/FreshnessPanel.cpp" line="91"/>
        <source>1 minute ago</source>
        <translation>vor 1 Minute</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/FreshnessPanel.cpp" line="93"/>
        <source>%1 minutes ago</source>
        <translation>vor %1 Minuten</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/FreshnessPanel.cpp" line="96"/>
        <source>1 hour ago</source>
        <translation>vor 1 Stunde</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/FreshnessPanel.cpp" line="98"/>
        <source>%1 hours ago</source>
        <translation>vor %1 Stunden</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/FreshnessPanel.cpp" line="99"/>
        <source>%1 days ago</source>
        <translation>vor %1 Tagen</translation>
    </message>
</context>
<context>
    <name>ads::ui::KpiTile</name>
    <message>
        <location filename="../ui/dashboard/KpiTile.cpp" line="52"/>
        <source>Compared with %1: %2</source>
        <translation>Verglichen mit %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/KpiTile.cpp" line="66"/>
        <source>no earlier figure</source>
        <translation>kein früherer Wert</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/KpiTile.cpp" line="75"/>
        <source>%1 %2 % vs. previous</source>
        <comment>arrow, percentage</comment>
        <translation>%1 %2 % ggü. vorher</translation>
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
        <translation>%1 würde sie ablehnen (Anteil %2)</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/LaunchCheckView.cpp" line="33"/>
        <source>%1 is ready: %2 objects to create (share %3)</source>
        <translation>%1 ist bereit: %2 anzulegende Objekte (Anteil %3)</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/LaunchCheckView.cpp" line="43"/>
        <source>• %1</source>
        <translation>• %1</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/LaunchCheckView.cpp" line="45"/>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/LaunchCheckView.cpp" line="62"/>
        <source>Not checked yet.</source>
        <translation>Noch nicht geprüft.</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/LaunchCheckView.cpp" line="71"/>
        <source>The campaign has no platforms to check.</source>
        <translation>Die Kampagne hat keine Plattformen, die geprüft werden können.</translation>
    </message>
</context>
<context>
    <name>ads::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="53"/>
        <source>AdsDesk</source>
        <translation>AdsDesk</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="99"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="106"/>
        <source>&amp;New campaign…</source>
        <translation>&amp;Neue Kampagne…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="112"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="117"/>
        <source>&amp;Launch</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="122"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="128"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="134"/>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplizieren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="140"/>
        <source>S&amp;chedule…</source>
        <translation>&amp;Zeitplan…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="145"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="150"/>
        <source>S&amp;ync now</source>
        <translation>&amp;Jetzt synchronisieren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="156"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="162"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="165"/>
        <source>&amp;Find campaign</source>
        <translation>Kampagne such&amp;en</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="172"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="178"/>
        <source>&amp;Campaign</source>
        <translation>&amp;Kampagne</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="195"/>
        <source>Campaign actions</source>
        <translation>Kampagnenaktionen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="218"/>
        <source>Ca&amp;mpaigns</source>
        <translation>Ka&amp;mpagnen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="219"/>
        <source>Das&amp;hboard</source>
        <translation>Das&amp;hboard</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="230"/>
        <source>Name, platform, status… (%1)</source>
        <translation>Name, Plattform, Status… (%1)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="233"/>
        <source>Searc&amp;h:</source>
        <translation>Such&amp;e:</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="315"/>
        <source>Platforms</source>
        <translation>Plattformen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="322"/>
        <source>Performance</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="349"/>
        <source>The campaigns could not be loaded: %1</source>
        <translation>Die Kampagnen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="429"/>
        <source>Saved “%1”.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="462"/>
        <source>%1 campaigns selected</source>
        <translation>%1 Kampagnen ausgewählt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="468"/>
        <source>No campaign selected</source>
        <translation>Keine Kampagne ausgewählt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="474"/>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <source>Sync is off</source>
        <translation type="vanished">Synchronisierung ist aus</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="vanished">Synchronisiere…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="vanished">%1: %2</translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation type="vanished">Zuletzt synchronisiert %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation type="vanished">Noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>%1 — failed for %2</source>
        <translation type="vanished">%1 — fehlgeschlagen für %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="506"/>
        <source>1 campaign</source>
        <translation>1 Kampagne</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="506"/>
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
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../ui/MessageBanner.cpp" line="22"/>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>ads::ui::MetricsTableModel</name>
    <message>
        <location filename="../ui/charts/MetricsTableModel.cpp" line="33"/>
        <source>%1 %2</source>
        <comment>amount, currency code</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/charts/MetricsTableModel.cpp" line="108"/>
        <source>%1 %</source>
        <comment>percentage</comment>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../ui/charts/MetricsTableModel.cpp" line="170"/>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <location filename="../ui/charts/MetricsTableModel.cpp" line="172"/>
        <source>Impressions</source>
        <translation>Impressionen</translation>
    </message>
    <message>
        <location filename="../ui/charts/MetricsTableModel.cpp" line="174"/>
        <source>Clicks</source>
        <translation>Klicks</translation>
    </message>
    <message>
        <location filename="../ui/charts/MetricsTableModel.cpp" line="176"/>
        <source>CTR</source>
        <translation>CTR</translation>
    </message>
    <message>
        <location filename="../ui/charts/MetricsTableModel.cpp" line="178"/>
        <source>CPC</source>
        <translation>CPC</translation>
    </message>
    <message>
        <location filename="../ui/charts/MetricsTableModel.cpp" line="180"/>
        <source>CPM</source>
        <translation>CPM</translation>
    </message>
    <message>
        <location filename="../ui/charts/MetricsTableModel.cpp" line="182"/>
        <source>Spend</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <location filename="../ui/charts/MetricsTableModel.cpp" line="184"/>
        <source>Conversions</source>
        <translation>Conversions</translation>
    </message>
    <message>
        <location filename="../ui/charts/MetricsTableModel.cpp" line="186"/>
        <source>ROAS</source>
        <translation>ROAS</translation>
    </message>
    <message>
        <location filename="../ui/charts/MetricsTableModel.cpp" line="200"/>
        <source>All platforms</source>
        <translation>Alle Plattformen</translation>
    </message>
</context>
<context>
    <name>ads::ui::PlatformStatusPanel</name>
    <message>
        <location filename="../ui/campaigns/PlatformStatusPanel.cpp" line="71"/>
        <source>%1: %2</source>
        <comment>object, remote id</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/PlatformStatusPanel.cpp" line="81"/>
        <source>Select a campaign to see where it runs.</source>
        <translation>Wählen Sie eine Kampagne aus, um zu sehen, wo sie läuft.</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/PlatformStatusPanel.cpp" line="133"/>
        <source>This campaign has no platforms yet.</source>
        <translation>Diese Kampagne hat noch keine Plattformen.</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/PlatformStatusPanel.cpp" line="178"/>
        <source>Budget share: %1</source>
        <translation>Budgetanteil: %1</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/PlatformStatusPanel.cpp" line="185"/>
        <source>%1 said: %2 %3</source>
        <translation>%1 meldet: %2 %3</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/PlatformStatusPanel.cpp" line="190"/>
        <source>%1&apos;s code: %2</source>
        <translation>Code von %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/PlatformStatusPanel.cpp" line="193"/>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/PlatformStatusPanel.cpp" line="244"/>
        <source>Ids on %1:</source>
        <translation>IDs bei %1:</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/PlatformStatusPanel.cpp" line="251"/>
        <source>Ids on %1 (%2)</source>
        <translation>IDs bei %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/PlatformStatusPanel.cpp" line="197"/>
        <source>Updated %1</source>
        <translation>Aktualisiert am %1</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/PlatformStatusPanel.cpp" line="219"/>
        <source>%1 of %2 objects created</source>
        <translation>%1 von %2 Objekten angelegt</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/PlatformStatusPanel.cpp" line="222"/>
        <source>%1 objects created so far</source>
        <translation>Bisher %1 Objekte angelegt</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/PlatformStatusPanel.cpp" line="228"/>
        <source>Turning delivery off at %1…</source>
        <translation>Auslieferung bei %1 wird angehalten…</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/PlatformStatusPanel.cpp" line="229"/>
        <source>Turning delivery back on at %1…</source>
        <translation>Auslieferung bei %1 wird wieder aufgenommen…</translation>
    </message>
</context>
<context>
    <name>ads::ui::ScheduleDialog</name>
    <message>
        <location filename="../ui/campaigns/ScheduleDialog.cpp" line="38"/>
        <source>Times are in your time zone (%1); AdsDesk stores them in UTC.</source>
        <translation>Die Zeiten gelten in Ihrer Zeitzone (%1); AdsDesk speichert sie in UTC.</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/ScheduleDialog.cpp" line="45"/>
        <location filename="../ui/campaigns/ScheduleDialog.cpp" line="47"/>
        <source>the start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/ScheduleDialog.cpp" line="46"/>
        <location filename="../ui/campaigns/ScheduleDialog.cpp" line="48"/>
        <source>the end</source>
        <translation>Ende</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/ScheduleDialog.cpp" line="59"/>
        <source>&amp;Ends:</source>
        <translation>&amp;Ende:</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/ScheduleDialog.cpp" line="63"/>
        <source>Schedule “%1”</source>
        <translation>Zeitplan für „%1“</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/ScheduleDialog.cpp" line="70"/>
        <source>&amp;Starts:</source>
        <translation>&amp;Beginn:</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/ScheduleDialog.cpp" line="79"/>
        <source>S&amp;chedule</source>
        <translation>&amp;Planen</translation>
    </message>
    <message>
        <location filename="../ui/campaigns/ScheduleDialog.cpp" line="155"/>
        <source>Not scheduled: %1</source>
        <translation>Nicht geplant: %1</translation>
    </message>
</context>
<context>
    <name>ads::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="25"/>
        <location filename="../ui/settings/SettingsDialog.cpp" line="103"/>
        <source>&amp;Show</source>
        <translation>A&amp;nzeigen</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="28"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="34"/>
        <source>The local API is not running.</source>
        <translation>Die lokale API läuft nicht.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="35"/>
        <source>Copy &amp;address</source>
        <translation>&amp;Adresse kopieren</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="47"/>
        <source>Co&amp;py</source>
        <translation>Ko&amp;pieren</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="56"/>
        <source>Copy a &amp;token</source>
        <translation>&amp;Token kopieren</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="60"/>
        <source>Copies a new bearer token for the local API, to paste into your CRM.</source>
        <translation>Kopiert ein neues Bearer-Token für die lokale API, zum Einfügen in Ihr CRM.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="63"/>
        <source>&amp;Local API:</source>
        <translation>&amp;Lokale API:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="65"/>
        <source>Token si&amp;gning secret:</source>
        <translation>Si&amp;gnaturgeheimnis für Tokens:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="72"/>
        <source>Anything that holds the secret or a token can read and change your campaigns through the local API. Share them only with tools you trust.</source>
        <translation>Wer das Geheimnis oder ein Token besitzt, kann Ihre Kampagnen über die lokale API lesen und ändern. Geben Sie beides nur an Tools weiter, denen Sie vertrauen.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="103"/>
        <source>&amp;Hide</source>
        <translation>&amp;Verbergen</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="110"/>
        <source>The address was copied.</source>
        <translation>Die Adresse wurde kopiert.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="119"/>
        <source>The secret was copied. Paste it only into a tool you trust.</source>
        <translation>Das Geheimnis wurde kopiert. Fügen Sie es nur in ein Tool ein, dem Sie vertrauen.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="126"/>
        <source>No token could be made. Check that the local API is running.</source>
        <translation>Es konnte kein Token erstellt werden. Prüfen Sie, ob die lokale API läuft.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="131"/>
        <source>A new token was copied. Paste it into your CRM&apos;s AdsDesk connection.</source>
        <translation>Ein neues Token wurde kopiert. Fügen Sie es in die AdsDesk-Verbindung Ihres CRM ein.</translation>
    </message>
</context>
<context>
    <name>ads::ui::SyncProgressWidget</name>
    <message>
        <location filename="../ui/dashboard/SyncProgressWidget.cpp" line="30"/>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/SyncProgressWidget.cpp" line="37"/>
        <source>Reading sync state…</source>
        <translation>Synchronisierungsstand wird gelesen…</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/SyncProgressWidget.cpp" line="37"/>
        <source>Sync is off</source>
        <translation>Synchronisierung ist deaktiviert</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/SyncProgressWidget.cpp" line="97"/>
        <source>Syncing…</source>
        <translation>Synchronisierung läuft…</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/SyncProgressWidget.cpp" line="102"/>
        <source>Syncing %1 of %2 platforms…</source>
        <translation>Plattform %1 von %2 wird synchronisiert…</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/SyncProgressWidget.cpp" line="115"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/SyncProgressWidget.cpp" line="118"/>
        <source>Last sync %1</source>
        <translation>Zuletzt synchronisiert am %1</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/SyncProgressWidget.cpp" line="118"/>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/SyncProgressWidget.cpp" line="120"/>
        <source>%1 — failed for %2</source>
        <translation>%1 — fehlgeschlagen bei %2</translation>
    </message>
</context>
<context>
    <name>ads::ui::TrendChart</name>
    <message>
        <location filename="../ui/dashboard/TrendChart.cpp" line="64"/>
        <source>settling: may still change</source>
        <translation>vorläufig: kann sich noch ändern</translation>
    </message>
</context>
</TS>
