#include "ui/dashboard/KpiTile.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace ads::ui {

namespace {

const QColor kGoodColor(0x1e, 0x8e, 0x3e);
const QColor kBadColor(0xc5, 0x22, 0x1f);

// Changes smaller than this read as "no change": rounding noise should not turn a tile red.
constexpr double kFlatPercent = 0.05;

} // namespace

KpiTile::KpiTile(DashboardMetric metric, QWidget *parent)
    : QFrame(parent)
    , m_metric(metric)
    , m_value(new QLabel)
    , m_change(new QLabel)
{
    setObjectName(QStringLiteral("kpi_") + MetricFigures::key(metric));
    setFrameShape(QFrame::StyledPanel);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    auto *caption = new QLabel(MetricFigures::title(metric));
    QFont valueFont = m_value->font();
    valueFont.setBold(true);
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.35);
    m_value->setFont(valueFont);
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(2);
    layout->addWidget(caption);
    layout->addWidget(m_value);
    layout->addWidget(m_change);
    clear();
}

void KpiTile::showFigures(const core::MetricsTotals &current,
                          const core::MetricsTotals &previous,
                          const QString &currency,
                          const QString &previousPeriodText)
{
    m_value->setText(MetricFigures::text(current, m_metric, currency));
    showChange(MetricFigures::changePercent(current, previous, m_metric));
    m_change->setToolTip(tr("Compared with %1: %2")
                             .arg(previousPeriodText, MetricFigures::text(previous, m_metric, currency)));
}

void KpiTile::clear()
{
    m_value->setText(QStringLiteral("—"));
    showChange(std::nullopt);
    m_change->setToolTip({});
}

void KpiTile::showChange(std::optional<double> percent)
{
    if (!percent) {
        m_change->setText(tr("no earlier figure"));
        m_change->setStyleSheet({});
        m_change->setProperty("changeColor", QVariant());
        return;
    }

    const bool flat = std::abs(*percent) < kFlatPercent;
    const QString arrow = flat ? QStringLiteral("■") : *percent > 0 ? QStringLiteral("▲") : QStringLiteral("▼");
    const QString amount = QLocale().toString(std::abs(*percent), 'f', 1);
    m_change->setText(tr("%1 %2 % vs. previous", "arrow, percentage").arg(arrow, amount));

    const ChangeMeaning meaning = MetricFigures::changeMeaning(m_metric);
    QColor color;
    if (!flat && meaning != ChangeMeaning::Neutral) {
        const bool rose = *percent > 0;
        const bool good = rose == (meaning == ChangeMeaning::HigherIsBetter);
        color = good ? kGoodColor : kBadColor;
    }
    m_change->setStyleSheet(color.isValid() ? QStringLiteral("color: %1;").arg(color.name()) : QString());
    m_change->setProperty("changeColor", color);
}

QString KpiTile::valueText() const
{
    return m_value->text();
}

QString KpiTile::changeText() const
{
    return m_change->text();
}

QColor KpiTile::changeColor() const
{
    return m_change->property("changeColor").value<QColor>();
}

} // namespace ads::ui
