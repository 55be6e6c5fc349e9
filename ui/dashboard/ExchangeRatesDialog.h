#pragma once

#include "core/services/ExchangeRates.h"

#include <QDialog>

class QDateEdit;
class QLabel;
class QTableWidget;

namespace ads::ui {

/**
 * The dated exchange rates over a range, as units of the reporting currency per unit of each
 * other currency: edit them in place, or import a CSV. Saving replaces the range's rates, after
 * which the core converts stored delivery again; reads and writes run on the background pool.
 */
class ExchangeRatesDialog : public QDialog
{
    Q_OBJECT

public:
    ExchangeRatesDialog(core::ExchangeRateService *rates,
                        const QDate &from,
                        const QDate &to,
                        QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QString messageText() const;

    /** The rows as rates, or the first row's problem. */
    core::Result<QList<core::ExchangeRate>> editedRates() const;

    /** "1.0842": a rate scaled by 10^9, written exactly without trailing zeros. */
    static QString rateText(qint64 rateE9);

public slots:
    void load();
    void save();
    void importCsv();

signals:
    /** The rates on screen were read, saved or imported. */
    void ratesChanged();
    void loaded();

private:
    void showRates(const QList<core::ExchangeRate> &rates);
    void addRow(const core::ExchangeRate &rate);
    void showMessage(const QString &text);

    core::ExchangeRateService *m_rates;
    QString m_base;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QTableWidget *m_table;
    QLabel *m_message;
    quint64 m_generation = 0;
};

} // namespace ads::ui
