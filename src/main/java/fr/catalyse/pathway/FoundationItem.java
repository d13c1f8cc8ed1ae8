package fr.catalyse.pathway;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One element of the socle commun, tagged with the dimension of co-construction and the
 * form of engineering it concerns.
 */
@Entity
@Table(name = "foundation_item")
class FoundationItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private FoundationVersion foundationVersion;

    private String category;

    private String dimension;

    private String engineering;

    private String content;

    private String source;

    protected FoundationItem() {
    }

    FoundationItem(FoundationVersion foundationVersion, String category, String dimension, String engineering,
            String content, String source) {
        this.foundationVersion = foundationVersion;
        this.category = category;
        this.dimension = dimension;
        this.engineering = engineering;
        this.content = content;
        this.source = source;
    }

    public Long getId() {
        return id;
    }

    public FoundationVersion getFoundationVersion() {
        return foundationVersion;
    }

    public String getCategory() {
        return category;
    }

    public String getDimension() {
        return dimension;
    }

    public String getEngineering() {
        return engineering;
    }

    public String getContent() {
        return content;
    }

    public String getSource() {
        return source;
    }

}
