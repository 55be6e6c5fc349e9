#include "ui/dashboard/ExchangeRatesDialog.h"

#include "ui/Background.h"
#include "ui/Logging.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ads::ui {

using namespace ads::core;

namespace {

enum Column
{
    DateColumn,
    CurrencyColumn,
    RateColumn,
    ColumnCount,
};

} // namespace

ExchangeRatesDialog::ExchangeRatesDialog(ExchangeRateService *rates,
                                         const QDate &from,
                                         const QDate &to,
                                         QWidget *parent)
    : QDialog(parent)
    , m_rates(rates)
    , m_from(new QDateEdit(from))
    , m_to(new QDateEdit(to))
    , m_table(new QTableWidget(0, ColumnCount))
    , m_message(new QLabel)
{
    setWindowTitle(tr("Exchange rates"));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("d MMM yyyy"));
    }
    m_table->setHorizontalHeaderLabels({tr("Date"), tr("Currency"), tr("Rate")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);

    auto *show = new QPushButton(tr("&Show"));
    auto *rangeRow = new QHBoxLayout;
    rangeRow->addWidget(new QLabel(tr("From:")));
    rangeRow->addWidget(m_from);
    rangeRow->addWidget(new QLabel(tr("To:")));
    rangeRow->addWidget(m_to);
    rangeRow->addWidget(show);
    rangeRow->addStretch(1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close);
    QPushButton *add = buttons->addButton(tr("&Add row"), QDialogButtonBox::ActionRole);
    QPushButton *remove = buttons->addButton(tr("&Remove row"), QDialogButtonBox::ActionRole);
    QPushButton *import = buttons->addButton(tr("&Import CSV…"), QDialogButtonBox::ActionRole);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(rangeRow);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(520, 480);

    connect(show, &QPushButton::clicked, this, &ExchangeRatesDialog::load);
    connect(add, &QPushButton::clicked, this, [this] { addRow({m_to->date(), QString(), m_base, 0}); });
    connect(remove, &QPushButton::clicked, this, [this] { m_table->removeRow(m_table->currentRow()); });
    connect(import, &QPushButton::clicked, this, &ExchangeRatesDialog::importCsv);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExchangeRatesDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    load();
}

QString ExchangeRatesDialog::rateText(qint64 rateE9)
{
    QString fraction = QStringLiteral("%1").arg(rateE9 % fx::kRateScale, 9, 10, QLatin1Char('0'));
    while (fraction.size() > 1 && fraction.endsWith(u'0'))
        fraction.chop(1);
    return QString::number(rateE9 / fx::kRateScale) + u'.' + fraction;
}

void ExchangeRatesDialog::load()
{
    const ExchangeRateService *rates = m_rates;
    const QDate from = m_from->date();
    const QDate to = m_to->date();
    const quint64 generation = ++m_generation;
    showMessage(tr("Loading rates…"));
    using Answer = std::pair<Result<QString>, Result<QList<ExchangeRate>>>;
    runInBackground(
        this,
        [rates, from, to] { return Answer{rates->reportingCurrency(), rates->rates(from, to)}; },
        [this, generation](const Answer &answer) {
            if (generation != m_generation)
                return; // another range was asked for since
            if (!answer.first || !answer.second) {
                const Error &error = !answer.first ? answer.first.error() : answer.second.error();
                showMessage(tr("Could not read the rates: %1").arg(error.message));
                return;
            }
            m_base = *answer.first;
            showRates(*answer.second);
            showMessage(tr("Units of %1 per unit of each currency.").arg(m_base));
            emit loaded();
        });
}

void ExchangeRatesDialog::showRates(const QList<ExchangeRate> &rates)
{
    m_table->setRowCount(0);
    for (const ExchangeRate &rate : rates)
        addRow(rate);
}

void ExchangeRatesDialog::addRow(const ExchangeRate &rate)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, DateColumn, new QTableWidgetItem(rate.date.toString(Qt::ISODate)));
    m_table->setItem(row, CurrencyColumn, new QTableWidgetItem(rate.currency));
    m_table->setItem(row, RateColumn, new QTableWidgetItem(rate.rateE9 > 0 ? rateText(rate.rateE9) : QString()));
}

Result<QList<ExchangeRate>> ExchangeRatesDialog::editedRates() const
{
    QList<ExchangeRate> rates;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto cell = [&](int column) {
            const QTableWidgetItem *item = m_table->item(row, column);
            return item ? item->text().trimmed() : QString();
        };
        const QDate date = QDate::fromString(cell(DateColumn), Qt::ISODate);
        const QString currency = cell(CurrencyColumn).toUpper();
        const Result<qint64> rate = fx::parseRate(cell(RateColumn));
        if (!date.isValid() || currency.size() != 3 || !rate)
            return fail(ErrorCode::InvalidInput,
                        tr("Row %1 needs a date (YYYY-MM-DD), a three-letter currency and a positive rate.")
                            .arg(row + 1));
        rates.append({date, currency, m_base, *rate});
    }
    return rates;
}

void ExchangeRatesDialog::save()
{
    const Result<QList<ExchangeRate>> edited = editedRates();
    if (!edited) {
        showMessage(edited.error().message);
        return;
    }

    ExchangeRateService *rates = m_rates;
    const QDate from = m_from->date();
    const QDate to = m_to->date();
    const QList<ExchangeRate> items = *edited;
    showMessage(tr("Saving rates and converting the figures again…"));
    runInBackground(this, [rates, from, to, items] { return rates->replaceRates(from, to, items); },
                    [this](const Status &saved) {
                        if (!saved) {
                            showMessage(tr("Could not save the rates: %1").arg(saved.error().message));
                            return;
                        }
                        qCInfo(lcUiCharts) << "exchange rates saved";
                        showMessage(tr("Saved."));
                        emit ratesChanged();
                    });
}

void ExchangeRatesDialog::importCsv()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import exchange rates"), {}, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showMessage(tr("Could not open %1: %2").arg(path, file.errorString()));
        return;
    }

    ExchangeRateService *rates = m_rates;
    const QByteArray csv = file.readAll();
    showMessage(tr("Importing…"));
    runInBackground(this, [rates, csv] { return rates->importCsv(csv); }, [this](const Result<int> &imported) {
        if (!imported) {
            showMessage(tr("Could not import the rates: %1").arg(imported.error().message));
            return;
        }
        emit ratesChanged();
        load();
        showMessage(tr("Imported %1 rates.").arg(*imported));
    });
}

QString ExchangeRatesDialog::messageText() const
{
    return m_message->text();
}

void ExchangeRatesDialog::showMessage(const QString &text)
{
    m_message->setText(text);
}

} // namespace ads::ui
