#include "ui/campaigns/LaunchCheckView.h"

#include "ui/Presentation.h"

#include <QLabel>
#include <QVBoxLayout>

namespace ads::ui {

using namespace ads::core;

namespace {

const QString kRefuseColor = QStringLiteral("#c62828");
const QString kReadyColor = QStringLiteral("#2e7d32");

QLabel *makeTextLabel(const QString &text)
{
    auto *label = new QLabel(text);
    label->setTextFormat(Qt::PlainText); // platform messages may hold markup-like text
    label->setWordWrap(true);
    // Buyers paste these lines into support tickets and messages to colleagues.
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

QString headline(Platform platform, const PlatformCheck &check)
{
    const QString title = Presentation::platformTitle(platform);
    const QString share = Presentation::money(check.budget);
    if (!check.problems.isEmpty())
        return LaunchCheckView::tr("%1 would refuse it (share %2)").arg(title, share);
    return LaunchCheckView::tr("%1 is ready: %2 objects to create (share %3)")
        .arg(title)
        .arg(check.steps)
        .arg(share);
}

QString details(const PlatformCheck &check)
{
    QStringList lines;
    for (const FieldError &problem : check.problems)
        lines.append(LaunchCheckView::tr("• %1").arg(Presentation::problemText(problem)));
    for (const QString &warning : check.warnings)
        lines.append(LaunchCheckView::tr("Warning: %1").arg(warning));
    return lines.join(u'\n');
}

} // namespace

LaunchCheckView::LaunchCheckView(QWidget *parent)
    : QWidget(parent)
    , m_message(makeTextLabel({}))
    , m_rows(new QVBoxLayout)
{
    m_message->setObjectName(QStringLiteral("launchCheckMessage"));
    m_rows->setContentsMargins(0, 0, 0, 0);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_message);
    layout->addLayout(m_rows);
    showMessage(tr("Not checked yet."));
}

void LaunchCheckView::showCheck(const LaunchCheck &check)
{
    clearRows();
    for (auto it = check.platforms.begin(); it != check.platforms.end(); ++it)
        addPlatform(it.key(), it.value());
    if (check.platforms.isEmpty())
        showMessage(tr("The campaign has no platforms to check."));
    else
        m_message->hide();
}

void LaunchCheckView::showMessage(const QString &text)
{
    clearRows();
    m_message->setText(text);
    m_message->show();
}

void LaunchCheckView::clearRows()
{
    for (QWidget *widget : std::as_const(m_rowWidgets))
        widget->deleteLater();
    m_rowWidgets.clear();
    m_texts.clear();
    m_refusing.clear();
}

void LaunchCheckView::addPlatform(Platform platform, const PlatformCheck &check)
{
    const bool refuses = !check.problems.isEmpty();
    if (refuses)
        m_refusing.append(platform);

    auto *title = makeTextLabel(headline(platform, check));
    title->setStyleSheet(
        QStringLiteral("color: %1; font-weight: bold;").arg(refuses ? kRefuseColor : kReadyColor));
    m_rows->addWidget(title);
    m_rowWidgets.append(title);
    QString text = title->text();

    if (const QString lines = details(check); !lines.isEmpty()) {
        auto *detail = makeTextLabel(lines);
        detail->setContentsMargins(12, 0, 0, 6);
        m_rows->addWidget(detail);
        m_rowWidgets.append(detail);
        text += u'\n' + lines;
    }
    m_texts.insert(platform, text);
}

QString LaunchCheckView::platformText(Platform platform) const
{
    return m_texts.value(platform);
}

QString LaunchCheckView::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

} // namespace ads::ui
